import { type ConsoleCluster, clusterHref } from '../../api/console-clusters.ts';
import { ClusterName } from './cluster-name.tsx';
import './clusters.css';

/** The landing page of a console serving several clusters, and of a link naming a cluster it does not serve. */
export function ClusterChooser(props: {
  clusters: readonly ConsoleCluster[];
  viewPath: string;
  unknownName: string | null;
}) {
  const { clusters, viewPath, unknownName } = props;
  return (
    <main className="cluster-chooser">
      <h1>Choose a cluster</h1>
      {unknownName !== null && (
        <p role="alert">This console serves no cluster named “{unknownName}”. Pick one of those it serves.</p>
      )}
      <ul aria-label="Clusters">
        {clusters.map((cluster) => (
          <li key={cluster.name}>
            <a href={clusterHref(cluster.name, viewPath, window.location.search)}>
              <ClusterName cluster={cluster} />
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
