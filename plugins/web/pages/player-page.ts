import { formatPercent, formatRatio, type MapTotals, type WeaponTotals } from 'etbot/plugin-api';
import { html, jsonData, type SafeHtml } from '../html';
import type { SiteData } from '../site-data';
import { playerLink, sortableTable } from './tables';

/** One player: totals as `!stats` words them, rating, a DPM history chart, weapons, maps, other names. */
export async function playerPage(data: SiteData, base: string, guid: string): Promise<{ title: string; main: SafeHtml }> {
  const p = await data.profile(guid);
  const rating = p.rating
    ? html`<section class="card" id="rating">
        <h2>Skill rating</h2>
        <p>
          <strong>${p.rating.rating}</strong> ±${p.rating.uncertainty}${p.rating.rank !== null ? ` · rank ${p.rating.rank}` : ''} · ${p.rating.maps} maps
          (${p.rating.wins}-${p.rating.draws}-${p.rating.losses})
        </p>
        ${
          p.rating.recent.length > 1
            ? html`<div class="chart small" data-chart="rating" data-source="rating-data"></div>
                ${jsonData('rating-data', p.rating.recent)}`
            : ''
        }
      </section>`
    : '';
  const main = html`<h1 id="player-name">${p.player.name}</h1>
    <p class="muted">GUID ${p.player.guid} · ${p.window}</p>
    <section class="card">
      <h2>Totals</h2>
      <dl class="totals" id="totals">
        ${p.display.map(
          (f) =>
            html`<div>
              <dt>${f.name}</dt>
              <dd data-field="${f.name}">${f.value}</dd>
            </div>`,
        )}
      </dl>
    </section>
    ${rating}
    <section class="card">
      <h2>DPM and K/D per day</h2>
      <div class="chart" data-chart="history" data-src="${base}/api/v1/players/${encodeURIComponent(p.player.guid)}/history"></div>
    </section>
    <section class="card">
      <h2>Weapons</h2>
      ${weaponsTable(p.weapons)}
    </section>
    <section class="card">
      <h2>Maps</h2>
      ${mapsTable(p.maps)}
    </section>
    <section class="card">
      <h2>Other names</h2>
      ${
        p.otherNames.length > 0
          ? html`<ul class="names" id="other-names">
              ${p.otherNames.map((n) => html`<li>${n}</li>`)}
            </ul>`
          : html`<p class="muted">None.</p>`
      }
    </section>`;
  return { title: p.player.name, main };
}

function weaponsTable(weapons: WeaponTotals[]): SafeHtml {
  return sortableTable(
    'weapons',
    [
      { title: 'Weapon', cell: (w: WeaponTotals) => w.name },
      { title: 'Kills', cell: (w: WeaponTotals) => w.kills, sortValue: (w: WeaponTotals) => w.kills, numeric: true },
      { title: 'Deaths', cell: (w: WeaponTotals) => w.deaths, sortValue: (w: WeaponTotals) => w.deaths, numeric: true },
      { title: 'Accuracy', cell: (w: WeaponTotals) => formatPercent(w.accuracy), sortValue: (w: WeaponTotals) => w.accuracy, numeric: true },
      { title: 'Headshots', cell: (w: WeaponTotals) => formatPercent(w.headshotPercent), sortValue: (w: WeaponTotals) => w.headshotPercent, numeric: true },
    ],
    weapons.filter((w) => w.kills > 0 || w.shots > 0 || w.deaths > 0),
  );
}

function mapsTable(maps: MapTotals[]): SafeHtml {
  return sortableTable(
    'maps',
    [
      { title: 'Map', cell: (m: MapTotals) => m.map },
      { title: 'Rounds', cell: (m: MapTotals) => m.rounds, sortValue: (m: MapTotals) => m.rounds, numeric: true },
      { title: 'Kills', cell: (m: MapTotals) => m.kills, sortValue: (m: MapTotals) => m.kills, numeric: true },
      { title: 'Deaths', cell: (m: MapTotals) => m.deaths, sortValue: (m: MapTotals) => m.deaths, numeric: true },
      { title: 'K/D', cell: (m: MapTotals) => formatRatio(m.kd), sortValue: (m: MapTotals) => m.kd, numeric: true },
      { title: 'DPM', cell: (m: MapTotals) => formatRatio(m.dpm), sortValue: (m: MapTotals) => m.dpm, numeric: true },
    ],
    maps,
  );
}

/** Players whose name contains the text. */
export async function searchPage(data: SiteData, base: string, q: string | undefined): Promise<SafeHtml> {
  if (q === undefined || q.trim() === '')
    return html`<h1>Players</h1>
      <p>Type part of a name in the search box.</p>`;
  const found = await data.searchPlayers(q);
  return html`<h1>Players matching “${found.query}”</h1>
    ${
      found.players.length > 0
        ? html`<ul class="names" id="search-results">
            ${found.players.map((p) => html`<li>${playerLink(base, p)}</li>`)}
          </ul>`
        : html`<p>Nobody.</p>`
    }`;
}
