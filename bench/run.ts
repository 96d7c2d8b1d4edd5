// The performance benchmark (issue #10) is not written yet; `npm run bench` says so rather than pretending.
console.log('no benchmarks yet');
