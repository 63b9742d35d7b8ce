#!/usr/bin/env bash
# A small stand-in for the contract's dataset (bench-contract: same organisation and user names, the
# BENCH-PACK-20 shipment with 20 × 5 MiB PDFs, Vizion-tracked containers of exporter 1), used only when
# bench/generate.sh is absent or with `run.sh --mini`. Organisations and users by SQL (the app has no
# public sign-up), everything else through the application's own API, so every rule and every row the
# app writes is real. Sourced by bench/run.sh; defines functions only.

# mini_sql: organisations, partners and users (BCrypt from pgcrypto, with Spring's {bcrypt} prefix).
mini_sql() {
  local password="$1"
  [[ -z "$(bench_psql -At -c "SELECT 1 FROM organization WHERE name = 'Bench Exporter 01'")" ]] || return 0
  bench_psql -v pw="$password" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TEMP TABLE o(name text, type text, slug text);
INSERT INTO o VALUES ('Bench Exporter 01', 'exporter', 'exporter-01'), ('Bench Buyer 01', 'buyer', 'buyer-01'),
  ('Bench Buyer 02', 'buyer', 'buyer-02');
INSERT INTO organization (id, name, type, country_code)
  SELECT gen_random_uuid(), name, type, 'NG' FROM o;
INSERT INTO organization_partner (organization_id, partner_id)
  SELECT e.id, b.id FROM organization e, organization b WHERE e.name = 'Bench Exporter 01' AND b.type = 'buyer';
CREATE TEMP TABLE u(email text, role text, org text);
INSERT INTO u VALUES ('admin@exporter-01.bench.example', 'admin', 'Bench Exporter 01'),
  ('compliance@exporter-01.bench.example', 'compliance', 'Bench Exporter 01'),
  ('buyer@buyer-01.bench.example', 'buyer', 'Bench Buyer 01');
INSERT INTO u SELECT format('bench-user-%s@exporter-01.bench.example', lpad(i::text, 3, '0')), 'logistics',
  'Bench Exporter 01' FROM generate_series(1, 100) i;
-- One hash for all (same password): BCrypt cost 10 as Spring's encoder makes it.
CREATE TEMP TABLE h AS SELECT '{bcrypt}' || crypt(:'pw', gen_salt('bf', 10)) AS hash;
INSERT INTO app_user (id, email, full_name, password_hash)
  SELECT gen_random_uuid(), u.email, split_part(u.email, '@', 1), h.hash FROM u, h;
INSERT INTO membership (id, user_id, organization_id, role, status, is_primary)
  SELECT gen_random_uuid(), a.id, g.id, u.role, 'active', true
  FROM u JOIN app_user a ON a.email = u.email JOIN organization g ON g.name = u.org;
DROP EXTENSION pgcrypto;
SQL
}

# mini_api BASE SHIPMENTS: shipments of exporter 1 through the API (each with two containers), BENCH-PACK-20
# with 20 uploaded 5 MiB PDFs, and exporter 1's subscriptions switched to the Vizion provider (the
# generator does the same in bulk).
mini_api() {
  local base="$1" count="$2" token buyer i ref body id pdf n
  local -a numbers
  mapfile -t numbers < <(container_numbers $((2 * count + 2)))
  token="$(curl -fsS "${base}/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@exporter-01.bench.example\",\"password\":\"${BENCH_PASSWORD}\"}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')"
  buyer="$(bench_psql -At -c "SELECT id FROM organization WHERE name = 'Bench Buyer 01'")"
  # Resumable: an interrupted run continues where it stopped.
  for ((i = $(bench_psql -At -c "SELECT count(*) FROM shipment"); i <= count; i++)); do
    if ((i == 0)); then ref="BENCH-PACK-20"; else ref="$(printf 'BX-%05d' "$i")"; fi
    body="$(printf '{"reference":"%s","productType":"cocoa_beans","buyerOrganizationId":"%s","portOfLoading":"NGAPP","portOfDischarge":"DEHAM","carrierScac":"MSCU","eta":"2026-12-%02dT08:00:00Z","containers":[{"number":"%s"},{"number":"%s"}]}' \
      "$ref" "$buyer" $((i % 28 + 1)) "${numbers[2 * i]}" "${numbers[2 * i + 1]}")"
    id="$(curl -fsS "${base}/api/shipments" -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \
      -d "$body" | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')" || die "mini dataset: shipment ${ref} refused"
  done
  # BENCH-PACK-20: 20 current documents of 5 MiB each (PDF header, random body).
  id="$(bench_psql -At -c "SELECT id FROM shipment WHERE reference = 'BENCH-PACK-20'")"
  pdf="${WORK}/data/pack.pdf"
  for ((n = $(bench_psql -At -c "SELECT count(*) FROM document WHERE shipment_id = '${id}'") + 1; n <= 20; n++)); do
    { printf '%%PDF-1.4\n%% bench %s\n' "$n"; head -c $((5 * 1024 * 1024 - 64)) /dev/urandom; printf '\n%%%%EOF\n'; } >"$pdf"
    curl -fsS -o /dev/null "${base}/api/shipments/${id}/documents" -H "Authorization: Bearer ${token}" \
      -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -F type=bill_of_lading -F "file=@${pdf};type=application/pdf;filename=pack-${n}.pdf" ||
      die "mini dataset: upload ${n} to BENCH-PACK-20 refused"
  done
  rm -f "$pdf"
  # The audit pack holds the current documents (the newest approved version of each type): spread the 20
  # uploads over the 16 types and approve them, as the generator's BENCH-PACK-20 is (16 current, 4 superseded
  # versions). A shortcut in SQL: the review workflow is not what this dataset is for.
  bench_psql -c "UPDATE document SET version = version + 1000 WHERE shipment_id = '${id}'" -c "
    UPDATE document d SET type = t.code, version = x.r / 16 + 1, status = 'approved', status_changed_at = now()
      FROM (SELECT id, row_number() OVER (ORDER BY version) - 1 AS r FROM document WHERE shipment_id = '${id}') x
      JOIN (SELECT code, row_number() OVER (ORDER BY position) - 1 AS k FROM document_type) t ON t.k = x.r % 16
     WHERE d.id = x.id"
  bench_psql -c "UPDATE tracking_subscription s SET provider = 'vizion', provider_reference = gen_random_uuid()::text
                 FROM organization o WHERE o.id = s.organization_id AND o.name = 'Bench Exporter 01'"
  printf '{"generator":"bench/lib/mini-dataset.sh","scale":"mini","shipments":%s}\n' "$((count + 1))" >"${WORK}/data/dataset.json"
}

# container_numbers N: N valid ISO 6346 numbers (owner MSCU, serials 0…N-1, computed check digits).
container_numbers() {
  node -e '
    const v = (c) => { if (/\d/.test(c)) return +c; const n = c.charCodeAt(0) - 55; return n + Math.floor((n - 1) / 10); };
    for (let s = 0; s < +process.argv[1]; s++) {
      const base = "MSCU" + String(s).padStart(6, "0");
      let sum = 0; for (let i = 0; i < 10; i++) sum += v(base[i]) * 2 ** i;
      console.log(base + (sum % 11 % 10));
    }' "$1"
}
