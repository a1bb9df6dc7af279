import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { exportPlayers, exportRounds, exportSessions } from '../../core/export';
import { Importer } from '../../core/ingest/importer';
import { forEachDatabase } from '../support/databases';

/**
 * The real supply map of 2025-10-25 (shared/real-stats), worked out by hand from the files.
 * Players are referred to by their line in the file; their GUIDs are read from the files at run
 * time so that nothing of the real files is copied into the repository.
 */
const REAL = path.resolve(__dirname, '../../../../shared/real-stats');
const R1 = '2025-10-25-155900-supply-round-1.txt';
const R2 = '2025-10-25-161002-supply-round-2.txt';
const available = fs.existsSync(path.join(REAL, R1)) && fs.existsSync(path.join(REAL, R2));

const guidOnLine = (file: string, line: number): string => fs.readFileSync(path.join(REAL, file), 'utf8').split('\n')[line - 1]!.slice(0, 8);

forEachDatabase('the real supply pair, by hand', (db) => {
  before(function () {
    if (!available) {
      console.log(`      (skipped: ${REAL} is not here)`);
      this.skip();
    }
  });

  it('imports R2 first as an orphan, then re-derives it when R1 arrives', async () => {
    await db.reset();
    const database = await db.open();
    const importer = new Importer(database);

    const r2 = await importer.importFile(path.join(REAL, R2), { source: 'test' });
    expect(r2.status).to.equal('imported');
    let rounds = await exportRounds(database);
    expect(rounds.map((r) => [r.file, r.status])).to.deep.equal([[R2, 'orphan']]);
    // An orphan adds nothing to any player.
    expect(await exportPlayers(database)).to.deep.equal([]);

    const r1 = await importer.importFile(path.join(REAL, R1), { source: 'test' });
    expect(r1.status).to.equal('imported');
    expect(r1.rederivedRoundIds).to.deep.equal([r2.roundId]);

    rounds = await exportRounds(database);
    // R1 header: defender 1, winner 1 -> the defenders held. R2 header: defender 1, winner 2 -> the
    // attackers (R1's defenders) beat the 12:00 -> R2's attackers win 2-0.
    // Players: R1 has 6 lines, all 12.0 min. R2 has 7 lines; the spectator (line 6, team 3) still
    // shows R1's 12.0 min: 12.0 - 12.0 = 0 -> not counted -> 6.
    expect(rounds).to.deep.equal([
      { file: R1, map: 'supply', round: 1, endedAt: '2025-10-25T15:59:00', status: 'valid', pairedWith: R2, session: 1, players: 6, score: null },
      {
        file: R2,
        map: 'supply',
        round: 2,
        endedAt: '2025-10-25T16:10:02',
        status: 'valid',
        pairedWith: R1,
        session: 1,
        players: 6,
        score: { r1Attackers: 0, r2Attackers: 2 },
      },
    ]);
    // 16:10:02 - 15:59:00 = 11 min 2 s <= 45 min: paired; one session.
    expect(await exportSessions(database)).to.deep.equal([{ index: 1, start: '2025-10-25T15:59:00', end: '2025-10-25T16:10:02', rounds: 2, maps: 1 }]);
  });

  it('subtracts R1 from R2 for a player who swapped sides (R1 line 7, axis -> R2 line 4, allies)', async () => {
    const database = await db.open();
    const guid = guidOnLine(R1, 7);
    expect(guidOnLine(R2, 4)).to.equal(guid);
    const row = await database.read((sql) =>
      sql.one(`SELECT p.* FROM player_rounds p JOIN rounds r ON r.id = p.round_id WHERE r.file_name = ? AND p.guid = ?`, [R2, guid]),
    );
    // R1 weapons (mask 201459829 = bits 0 2 4 5 6 11 17 26 27), tuples hits shots kills deaths hs:
    //   0:(0 7 0 0 0) 2:(20 36 5 0 1) 4:(138 406 18 3 13) 5:(78 162 11 9 5) 6:(0 0 0 1 0)
    //   11:(2 8 0 0 0) 17:(0 1 0 0 0) 26:(14 19 1 0 0) 27:(1 1 0 0 0)
    //   kills 5+18+11+1 = 35, deaths 3+9+1 = 13, hits 20+138+78+2+14+1 = 253, shots 7+36+406+162+8+1+19+1 = 640
    // R2 (mask 201459839 = bits 0 1 2 3 4 5 6 11 17 26 27):
    //   0:(0 4 0 0 0) 1:(0 5 0 0 0) 2:(20 36 5 1 1) 3:(7 13 1 0 0) 4:(138 406 18 18 13) 5:(175 441 19 10 16)
    //   6:(0 0 0 1 0) 11:(4 11 1 1 0) 17:(0 1 0 0 0) 26:(14 19 1 0 0) 27:(7 7 0 0 0)
    //   kills 5+1+18+19+1+1 = 45, deaths 1+18+10+1+1 = 31, hits 20+7+138+175+4+14+7 = 365, shots 943
    // Nothing went down (kills 35->45, deaths 13->31, damage 4555->6695 and 2889->5945, time 12.0->21.9):
    // not a reconnect, so R2 - R1.
    expect(row!.derivation).to.equal('r2-minus-r1');
    expect(Number(row!.team)).to.equal(2);
    expect(Number(row!.kills)).to.equal(45 - 35);
    expect(Number(row!.deaths)).to.equal(31 - 13);
    expect(Number(row!.hits)).to.equal(365 - 253);
    expect(Number(row!.shots)).to.equal(943 - 640);
    expect(Number(row!.damage_given)).to.equal(6695 - 4555);
    expect(Number(row!.damage_received)).to.equal(5945 - 2889);
    expect(Number(row!.team_damage_received)).to.equal(61 - 43);
    expect(Number(row!.time_played_tenths)).to.equal(219 - 120);
    expect(Number(row!.time_played_seconds)).to.equal(99 * 6);
    // Per-round fields as written in R2: XP 80, kill assists 3, times revived 4, revives given 6.
    expect([Number(row!.xp), Number(row!.kill_assists), Number(row!.times_revived), Number(row!.revives_given)]).to.deep.equal([80, 3, 4, 6]);
    // Alive %: (82.2 x 219 - 86.1 x 120) / (219 - 120) = (18001.8 - 10332) / 99 = 77.4727...
    expect(Number(row!.alive_percent)).to.be.closeTo(77.4727, 0.0001);

    // Weapon 4 (MP40): deaths by it 18 - 3 = 15 in R2 (he now faced the axis MP40s); weapon 5 (Thompson):
    // (175-78, 441-162, 19-11, 10-9, 16-5) = (97, 279, 8, 1, 11).
    const weapons = await database.read((sql) =>
      sql.all(
        `SELECT w.weapon, w.hits, w.shots, w.kills, w.deaths, w.headshots FROM weapon_rounds w JOIN rounds r ON r.id = w.round_id
         WHERE r.file_name = ? AND w.guid = ? AND w.weapon IN (4, 5) ORDER BY w.weapon`,
        [R2, guid],
      ),
    );
    expect(weapons.map((w) => Object.values(w).map(Number))).to.deep.equal([
      [4, 0, 0, 0, 15, 0],
      [5, 97, 279, 8, 1, 11],
    ]);
  });

  it('takes the substitute (R2 line 3, not in R1) as written, and the spectator (R2 line 6) adds no round', async () => {
    const database = await db.open();
    const players = await exportPlayers(database);
    const substitute = guidOnLine(R2, 3);
    const spectator = guidOnLine(R1, 2);
    expect(guidOnLine(R2, 6)).to.equal(spectator);
    expect(players).to.have.length(7); // R1's six + the substitute

    const sub = players.find((p) => p.guid === substitute)!;
    // Mask 134367354 = bits 1 3 4 5 6 11 14 17 27:
    //   1:(0 8 0 0 0) 3:(3 9 0 0 0) 4:(13 50 2 12 2) 5:(79 196 12 2 14) 6:(2 11 0 0 1)
    //   11:(1 9 0 0 0) 14:(0 1 0 0 0) 17:(0 1 0 0 0) 27:(5 6 0 0 0)
    // kills 2+12 = 14, deaths 12+2 = 14, hits 3+13+79+2+1+5 = 103, shots 8+9+50+196+11+9+1+1+6 = 291,
    // head hits 2+14+1 = 17; time as written (a substitute is taken as it is): 9.9 min = 594 s.
    expect(sub).to.include({ rounds: 1, timePlayedSeconds: 594, kills: 14, deaths: 14, hits: 103, shots: 291, headshots: 17 });
    expect(sub).to.include({ damageGiven: 2218, damageReceived: 2821, teamDamageGiven: 76, xp: 132, revivesGiven: 5 });
    // kd 14/14 = 1; accuracy 100 x 103 / 291 = 35.3951 -> 35.40; dpm 60 x 2218 / 594 = 224.0404 -> 224.04
    expect(sub).to.include({ kd: 1, accuracy: 35.4, dpm: 224.04 });

    const spec = players.find((p) => p.guid === spectator)!;
    // Only R1 counts: 12.0 min = 720 s. Mask 18557 = bits 0 2 3 4 5 6 11 14:
    //   0:(0 8 0 0 0) 2:(0 3 0 0 0) 3:(0 0 0 1 0) 4:(62 296 4 1 10) 5:(7 33 0 15 1) 6:(0 0 0 1 0)
    //   11:(1 17 0 0 0) 14:(0 1 0 0 0)
    // kills 4, deaths 1+1+15+1 = 18, hits 62+7+1 = 70, shots 8+3+296+33+17+1 = 358
    expect(spec).to.include({ rounds: 1, timePlayedSeconds: 720, kills: 4, deaths: 18, hits: 70, shots: 358, damageGiven: 1541 });
    // kd 4/18 = 0.2222 -> 0.22; accuracy 7000/358 = 19.553 -> 19.55; dpm 60 x 1541 / 720 = 128.4166 -> 128.42
    expect(spec).to.include({ kd: 0.22, accuracy: 19.55, dpm: 128.42 });

    const swapper = players.find((p) => p.guid === guidOnLine(R1, 7))!;
    // R1 + R2-only = the R2 totals: kills 45, deaths 31, damage 6695, time 720 + 594 = 1314 s.
    // kd 45/31 = 1.4516 -> 1.45; dpm 60 x 6695 / 1314 = 305.7077 -> 305.71; accuracy 100 x 365 / 943 = 38.706 -> 38.71
    expect(swapper).to.include({ rounds: 2, timePlayedSeconds: 1314, kills: 45, deaths: 31, damageGiven: 6695, kd: 1.45, dpm: 305.71, accuracy: 38.71 });
  });

  it('keeps persistent teams across the side swap: the substitute joins the team of his side', async () => {
    const database = await db.open();
    const rows = await database.read((sql) => sql.all(`SELECT guid, team FROM session_team_members`));
    const teams = new Map(rows.map((r) => [String(r.guid), String(r.team)]));
    // Seeded from R1: axis (team 1: lines 2, 6, 7) = A, allies (team 2: lines 3, 4, 5) = B.
    for (const line of [2, 6, 7]) expect(teams.get(guidOnLine(R1, line)), `R1 line ${line}`).to.equal('A');
    for (const line of [3, 4, 5]) expect(teams.get(guidOnLine(R1, line)), `R1 line ${line}`).to.equal('B');
    // In R2 the substitute plays allies (team 2) with R1 lines 6 and 7 (both A): he joins A.
    expect(teams.get(guidOnLine(R2, 3))).to.equal('A');
    expect(teams.size).to.equal(7);
  });
});
