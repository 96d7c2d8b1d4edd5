import { describe, expect, it } from 'vitest';
import { closestNames, editDistance } from './closest-names.ts';

const DEMO = ['kttm1', 'sales_events', 'social_media', 'wikipedia_api', 'wikipedia_hour'];

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('wikipedia', 'wikipedia')).toBe(0);
    expect(editDistance('wikipedia', 'wikipedai')).toBe(1);
    expect(editDistance('sales', 'sale')).toBe(1);
    expect(editDistance('sales', 'sakes')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });
});

describe('closestNames', () => {
  it('suggests the names one typo away, closest first', () => {
    expect(closestNames('wikipedia_huor', DEMO)).toEqual(['wikipedia_hour']);
    expect(closestNames('sales_event', DEMO)).toEqual(['sales_events']);
    expect(closestNames('kttm2', DEMO)).toEqual(['kttm1']);
  });

  it('puts the same name in another case first', () => {
    expect(closestNames('Sales_Events', [...DEMO, 'sales_eventz'])).toEqual(['sales_events', 'sales_eventz']);
  });

  it('suggests names that begin with what was typed, shortest extension first', () => {
    expect(closestNames('wiki', DEMO)).toEqual(['wikipedia_api', 'wikipedia_hour']);
    expect(closestNames('social_media_2024', DEMO)).toEqual(['social_media']);
  });

  it('suggests nothing for an unrelated or too short name, and never the name itself', () => {
    expect(closestNames('orders', DEMO)).toEqual([]);
    expect(closestNames('so', DEMO)).toEqual([]);
    expect(closestNames('kttm1', DEMO)).toEqual([]);
  });

  it('keeps to the limit and breaks ties by name', () => {
    const names = ['ds_b', 'ds_a', 'ds_c', 'ds_d', 'ds_e', 'ds_f', 'ds_a'];
    expect(closestNames('ds_x', names, 3)).toEqual(['ds_a', 'ds_b', 'ds_c']);
  });

  it('finds the neighbours of a typo among 10,000 generated names', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `fleet_${String(i).padStart(5, '0')}`);
    expect(closestNames('fleet_0042', names)).toEqual([
      'fleet_00042',
      'fleet_00142',
      'fleet_00242',
      'fleet_00342',
      'fleet_00402',
    ]);
  });
});
