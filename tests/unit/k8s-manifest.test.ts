// @vitest-environment node
/**
 * The Kubernetes recipe cannot run here: parse it and check what makes it correct — an Indexed
 * Job whose pods take their shard from JOB_COMPLETION_INDEX, as many shards as completions, the
 * registry budget divided between them, outputs on the shared volume, and a merge of them all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseOptions } from '../../cli/options';
import { DEFAULT_REGISTRY_RATE } from '../../utils/engine/registry-policy';

interface Container {
  command: string[];
  args: string[];
  volumeMounts: Array<{ name: string; mountPath: string }>;
}
interface Job {
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    template: {
      spec: { restartPolicy: string; containers: Container[]; volumes: Array<{ persistentVolumeClaim: { claimName: string } }> };
    };
  };
}

const load = (file: string) =>
  parseAllDocuments(readFileSync(new URL(`../../scripts/k8s/${file}`, import.meta.url), 'utf8')).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Job;
  });

/** The shell line's scan arguments, as the shell would pass them for shard `index`. */
function scanArgs(container: Container, index: number): string[] {
  const line = container.args[0]!.split(';')[0]!.replace(/^exec node --import tsx cli\/scan\.ts\s+/, '');
  return line
    .replace(/\$JOB_COMPLETION_INDEX/g, String(index))
    .split(/\s+/)
    .map((word) => word.replace(/^"|"$/g, ''));
}

describe('the Kubernetes recipe', () => {
  const [claim, audit] = load('govmark-indexed-job.yaml') as [Job, Job];
  const [merge] = load('govmark-merge-job.yaml') as [Job];

  it('is an Indexed Job with one pod per shard, each taking its shard from JOB_COMPLETION_INDEX', () => {
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(audit.kind).toBe('Job');
    expect(audit.spec.completionMode).toBe('Indexed');
    const shards = audit.spec.completions!;
    expect(audit.spec.parallelism).toBe(shards);
    const container = audit.spec.template.spec.containers[0]!;
    expect(container.command).toEqual(['sh', '-c']);
    expect(container.args[0]).toContain('"$JOB_COMPLETION_INDEX/');
    for (let index = 0; index < shards; index++) {
      const options = parseOptions(scanArgs(container, index));
      expect(options.shard).toEqual({ index, count: shards });
      expect(options.csv).toBe(`/audit/out/out-${index}.csv`);
      // Splitting never multiplies the load on the registry.
      expect(options.registryRate * shards).toBeLessThanOrEqual(DEFAULT_REGISTRY_RATE);
    }
  });

  it('writes to the shared volume, and the merge step reads every shard from it', () => {
    expect(audit.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    expect(merge.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    const line = merge.spec.template.spec.containers[0]!.args[0]!;
    const options = parseOptions(line.replace(/^exec node --import tsx cli\/scan\.ts\s+/, '').split(/\s+/));
    expect(options.merge).toBe(true);
    expect(options.inputs).toEqual(['/audit/out/out-*.csv']);
    expect(options.csv).toBe('/audit/out/all.csv');
    expect(options.report).toBe('/audit/out/report.html');
  });
});
