import { Colors, defineCommand, type EmbedField } from 'etbot/plugin-api';
import { field, formatBytes, formatUptime } from '../format';
import type { AdminServiceSet } from '../services';

export function statusCommand(s: AdminServiceSet, version: string) {
  return defineCommand({
    name: 'status',
    description: 'Health of the bot: database, collectors, imports, cache, memory, uptime, version',
    category: 'admin',
    adminOnly: true,
    examples: ['!status'],
    async run() {
      const fields: EmbedField[] = [];
      let healthy = true;

      const db = s.database();
      const files = s.files();
      if (db) {
        const check = await db.check();
        healthy &&= check.ok;
        fields.push({
          name: 'Database',
          value: `${check.ok ? 'reachable' : 'UNREACHABLE'}: ${db.description}\n${check.ok ? `latency ${check.latencyMs} ms` : check.detail}`,
        });
        if (check.ok && files) {
          const [counts, last] = await Promise.all([files.counts(), files.lastImported()]);
          fields.push({ name: 'Last import', value: last ? `${last.name} at ${last.at.slice(0, 19).replace('T', ' ')} UTC` : 'nothing imported yet' });
          fields.push({ name: 'Files', value: `${counts.imported} imported, ${counts.duplicate} duplicates, ${counts.rejected} rejected`, inline: true });
        }
      } else {
        fields.push({ name: 'Database', value: 'not running in this process' });
      }

      const collectors = s.collectors()?.status() ?? [];
      if (collectors.length === 0) fields.push({ name: 'Collectors', value: 'none configured' });
      for (const c of collectors) {
        if (c.state === 'failing') healthy = false;
        const lines = [
          `${c.state}, last success ${c.lastSuccessAt?.slice(0, 19).replace('T', ' ') ?? 'never'}`,
          `${c.filesFetched} files fetched, queue ${c.queueDepth}`,
        ];
        if (c.lastError) lines.push(`last error: ${c.lastError}`);
        fields.push({ name: `Collector ${c.name}`, value: lines.join('\n') });
      }
      fields.push({ name: 'Import queue', value: String(collectors.reduce((n, c) => n + c.queueDepth, 0)), inline: true });

      const cache = s.cache()?.stats();
      if (cache) {
        const lookups = cache.hits + cache.misses;
        const rate = lookups === 0 ? '-' : `${((cache.hits / lookups) * 100).toFixed(1)}%`;
        fields.push({ name: 'Cache', value: `hit rate ${rate} (${cache.hits} hits, ${cache.misses} misses, ${cache.size} entries)`, inline: true });
      }

      const metrics = s.metrics()?.snapshot().total;
      if (metrics) {
        const p = (v: number | null) => (v === null ? '-' : `${Math.round(v)} ms`);
        fields.push({
          name: 'Commands',
          value: `${metrics.commands} run, ${metrics.errors} errors, reply p50 ${p(metrics.latencyP50Ms)}, p95 ${p(metrics.latencyP95Ms)}`,
          inline: true,
        });
      }

      const jobs = s.jobs.list().filter((j) => j.owner === 'admin');
      if (jobs.length > 0) {
        fields.push({
          name: 'Jobs',
          value: jobs.map((j) => `${j.id.split(':')[1]}: ${j.schedule}, ${j.runs} runs${j.lastError ? `, last error: ${j.lastError}` : ''}`).join('\n'),
        });
      }

      const mem = process.memoryUsage();
      fields.push({ name: 'Memory', value: `${formatBytes(mem.rss)} resident, ${formatBytes(mem.heapUsed)} heap`, inline: true });
      fields.push({ name: 'Uptime', value: formatUptime(process.uptime()), inline: true });
      fields.push({ name: 'Version', value: `etbot ${version}, Node ${process.versions.node}`, inline: true });
      return {
        embeds: [
          {
            title: healthy ? 'etbot status: healthy' : 'etbot status: PROBLEMS',
            color: healthy ? Colors.success : Colors.error,
            fields: fields.slice(0, 25).map((f) => field(f.name, f.value, f.inline)),
          },
        ],
      };
    },
  });
}
