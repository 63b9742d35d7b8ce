package com.vibotaj.tracehub.bench;

/**
 * The set-based SQL of the generator. Every value comes from pg_temp helper functions that hash
 * (seed, tag, row number) with md5, never from random(): the same seed, scale and anchor give the same
 * rows, ids included, whatever the batch size or the order the batches run in. The helpers live in the
 * session's temporary schema, so the application's schema is left exactly as its migrations made it.
 *
 * <p>Placeholders ({@code @NAME@}) are replaced by {@link Generator} with numbers and an ISO timestamp it
 * produced itself, never with user text.
 */
final class Sql {

    private Sql() {}

    /**
     * h: 0..2^32-1; u: [0, 1); uid: an md5-derived uuid; iso6346 appends the check digit. Every operation in
     * the SQL helpers is immutable (note i::text, not the stable text-anything concatenation) so that the
     * planner inlines them: a non-inlined SQL function call costs tens of microseconds, millions of times.
     */
    static final String FUNCTIONS = """
            CREATE FUNCTION pg_temp.h(tag text, i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS $$ SELECT ('x' || substr(md5('@SEED@:' || tag || ':' || i::text), 1, 8))::bit(32)::bigint $$;
            CREATE FUNCTION pg_temp.u(tag text, i bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS $$ SELECT pg_temp.h(tag, i) / 4294967296.0::float8 $$;
            CREATE FUNCTION pg_temp.uid(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS $$ SELECT md5('@SEED@:id:' || tag || ':' || i::text)::uuid $$;
            CREATE FUNCTION pg_temp.pick(arr text[], tag text, i bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS $$ SELECT arr[1 + pg_temp.h(tag, i) % cardinality(arr)] $$;
            CREATE FUNCTION pg_temp.iso6346(p text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
            DECLARE
              s integer := 0;
              c text;
              v integer;
            BEGIN
              -- Letters count 10..38 skipping multiples of 11; position k weighs 2^k; sum mod 11 mod 10.
              FOR k IN 1..10 LOOP
                c := substr(p, k, 1);
                IF c BETWEEN '0' AND '9' THEN
                  v := ascii(c) - 48;
                ELSE
                  v := (ARRAY[10,12,13,14,15,16,17,18,19,20,21,23,24,25,26,27,28,29,30,31,32,34,35,36,37,38])[ascii(c) - 64];
                END IF;
                s := s + v * (1 << (k - 1));
              END LOOP;
              RETURN p || ((s % 11) % 10)::text;
            END $$;
            CREATE FUNCTION pg_temp.pdf(lines text[]) RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
            DECLARE
              body text := E'%PDF-1.4\\n';
              content text := 'BT /F1 12 Tf 15 TL 50 790 Td';
              objs text[];
              offs integer[] := '{}';
              x integer;
            BEGIN
              -- A one-page PDF with a correct cross-reference table: tika sees application/pdf, readers open it.
              FOR i IN 1..cardinality(lines) LOOP
                content := content || ' (' || lines[i] || ') Tj T*';
              END LOOP;
              content := content || ' ET';
              objs := ARRAY[
                '<< /Type /Catalog /Pages 2 0 R >>',
                '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
                '<< /Length ' || octet_length(content) || E' >>\\nstream\\n' || content || E'\\nendstream',
                '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
              FOR i IN 1..5 LOOP
                offs := offs || octet_length(body);
                body := body || i || E' 0 obj\\n' || objs[i] || E'\\nendobj\\n';
              END LOOP;
              x := octet_length(body);
              body := body || E'xref\\n0 6\\n0000000000 65535 f \\n';
              FOR i IN 1..5 LOOP
                body := body || lpad(offs[i]::text, 10, '0') || E' 00000 n \\n';
              END LOOP;
              body := body || E'trailer\\n<< /Size 6 /Root 1 0 R >>\\nstartxref\\n' || x || E'\\n%%EOF\\n';
              RETURN convert_to(body, 'UTF8');
            END $$;
            CREATE FUNCTION pg_temp.doc_pdf(id uuid, shipment uuid, type_name text, ref text, version integer)
              RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS $$ SELECT pg_temp.pdf(ARRAY['TraceHub benchmark document', 'Type: ' || type_name,
                      'Reference: ' || coalesce(ref, '-'), 'Version: ' || version, 'Shipment: ' || shipment,
                      'Document: ' || id]) $$;
            CREATE FUNCTION pg_temp.label(type text) RETURNS text LANGUAGE sql IMMUTABLE
              AS $$ SELECT upper(left(replace(type, '_', ' '), 1)) || substr(replace(type, '_', ' '), 2) $$;
            CREATE FUNCTION pg_temp.lower_label(type text) RETURNS text LANGUAGE sql IMMUTABLE
              AS $$ SELECT replace(lower(replace(type, '_', ' ')), 'eu traces', 'EU TRACES') $$;
            """;

    /** 50 organisations with fixed names, their users (one membership each) and the exporters' partners. */
    static final String ORGANISATIONS = """
            CREATE TEMP TABLE g_org AS
            SELECT n, pg_temp.uid('organization', n) AS id, type, k,
                   'Bench ' || label || ' ' || lpad(k::text, 2, '0') AS name,
                   slug || '-' || lpad(k::text, 2, '0') || '.bench.example' AS domain, country
              FROM (SELECT n,
                      CASE WHEN n <= 5 THEN 'exporter' WHEN n <= 35 THEN 'buyer' WHEN n <= 45 THEN 'supplier' ELSE 'logistics' END AS type,
                      CASE WHEN n <= 5 THEN 'Exporter' WHEN n <= 35 THEN 'Buyer' WHEN n <= 45 THEN 'Supplier' ELSE 'Forwarder' END AS label,
                      CASE WHEN n <= 5 THEN 'exporter' WHEN n <= 35 THEN 'buyer' WHEN n <= 45 THEN 'supplier' ELSE 'forwarder' END AS slug,
                      CASE WHEN n <= 5 THEN n WHEN n <= 35 THEN n - 5 WHEN n <= 45 THEN n - 35 ELSE n - 45 END AS k,
                      CASE WHEN n BETWEEN 6 AND 35 THEN (ARRAY['DE','NL','BE','FR','ES','IT','PT','AT','PL','DK'])[1 + (n - 6) % 10]
                           ELSE 'NG' END AS country
                     FROM generate_series(1, 50) n) x;
            CREATE TEMP TABLE g_user AS
            SELECT row_number() OVER (ORDER BY o.n, u.ord) AS n, o.id AS org_id, o.n AS org_n, o.type AS org_type, o.k AS org_k,
                   u.local || '@' || o.domain AS email, u.role, o.name || ' ' || u.title AS full_name
              FROM g_org o
              CROSS JOIN LATERAL (
                SELECT v.* FROM (VALUES (1, 'admin', 'admin', 'Admin'), (2, 'compliance', 'compliance', 'Compliance officer'),
                                        (3, 'logistics', 'logistics', 'Logistics coordinator'), (4, 'viewer', 'viewer', 'Viewer'))
                                v (ord, local, role, title) WHERE o.type = 'exporter'
                UNION ALL
                SELECT 4 + g, 'bench-user-' || lpad(g::text, 3, '0'), 'logistics', 'load user ' || lpad(g::text, 3, '0')
                  FROM generate_series(1, 100) g WHERE o.type = 'exporter' AND o.k = 1
                UNION ALL
                SELECT v.* FROM (VALUES (1, 'buyer', 'buyer', 'Buyer'), (2, 'admin', 'admin', 'Admin')) v (ord, local, role, title)
                 WHERE o.type = 'buyer'
                UNION ALL SELECT 1, 'supplier', 'supplier', 'Supplier' WHERE o.type = 'supplier'
                UNION ALL SELECT 1, 'ops', 'logistics', 'Operations' WHERE o.type = 'logistics') u;
            CREATE TEMP TABLE g_exp AS
            SELECT o.k, o.id AS org_id, o.name,
                   (SELECT pg_temp.uid('user', u.n) FROM g_user u WHERE u.org_id = o.id AND u.email LIKE 'admin@%') AS admin_id,
                   (SELECT pg_temp.uid('user', u.n) FROM g_user u WHERE u.org_id = o.id AND u.email LIKE 'logistics@%') AS logistics_id,
                   (SELECT pg_temp.uid('user', u.n) FROM g_user u WHERE u.org_id = o.id AND u.email LIKE 'compliance@%') AS compliance_id
              FROM g_org o WHERE o.type = 'exporter';
            INSERT INTO organization (id, name, type, country_code, traces_number, created_at, updated_at)
            SELECT id, name, type, country, CASE WHEN type = 'exporter' THEN 'NG-BENCH-' || lpad(k::text, 4, '0') END,
                   @A@ - interval '1125 days', @A@ - interval '1125 days'
              FROM g_org ORDER BY n;
            INSERT INTO app_user (id, email, full_name, password_hash, created_at, updated_at)
            SELECT pg_temp.uid('user', n), email, full_name, @HASH@, @A@ - interval '1125 days', @A@ - interval '1125 days'
              FROM g_user ORDER BY n;
            INSERT INTO membership (id, user_id, organization_id, role, status, is_primary, created_at, updated_at)
            SELECT pg_temp.uid('membership', n), pg_temp.uid('user', n), org_id, role, 'active', true,
                   @A@ - interval '1125 days', @A@ - interval '1125 days'
              FROM g_user ORDER BY n;
            INSERT INTO organization_partner (organization_id, partner_id, created_at)
            SELECT e.id, p.id, @A@ - interval '1125 days' FROM g_org e JOIN g_org p ON p.type <> 'exporter'
             WHERE e.type = 'exporter' ORDER BY e.n, p.n;
            """;

    /** Required document types per product under the current rule set ('EU' destinations, '*' for other). */
    static final String REQUIREMENTS = """
            CREATE TEMP TABLE g_req AS
            SELECT p.product_type, p.regimes,
                   array_agg(r.document_type ORDER BY r.position) AS all_types,
                   coalesce(array_agg(r.document_type ORDER BY r.position)
                              FILTER (WHERE r.document_type <> 'eudr_dds_package'), '{}') AS upload_types
              FROM compliance_product p
              JOIN compliance_required_document r ON r.rule_set_version = p.rule_set_version
                   AND r.product_type = p.product_type AND r.destination IN ('EU', '*')
             WHERE p.rule_set_version = @RS@
             GROUP BY p.product_type, p.regimes;
            """;

    /**
     * One staging row per shipment with everything derived from its row number: owner (exporter 1 has
     * 60 %), dates over three years (22 % in the last 75 days, so every status of the life cycle is
     * present), the phase that follows from the dates, and the exact number of containers and documents
     * (largest-remainder apportionment over per-shipment weights, so totals hit the scaled counts).
     */
    static final String SHIPMENTS_STAGE = """
            CREATE TEMP TABLE g_ship AS
            WITH b AS (
              SELECT i, pg_temp.uid('shipment', i) AS id,
                     CASE WHEN i % 10 < 6 THEN 1 ELSE i % 10 - 4 END AS ek,
                     CASE WHEN i = 0 THEN @A@ - interval '20 days'
                          WHEN pg_temp.u('recent', i) < 0.22 THEN @A@ - pg_temp.u('created', i) * interval '75 days'
                          ELSE @A@ - interval '75 days' - pg_temp.u('created', i) * interval '1020 days' END AS created_at,
                     pg_temp.u('product', i) AS up
                FROM generate_series(0, @N_SHIP@ - 1) i),
            d AS (
              SELECT b.*, date_trunc('hour', b.created_at + CASE WHEN b.i = 0 THEN interval '15 days'
                                  ELSE interval '10 days' + pg_temp.u('etd', b.i) * interval '20 days' END) AS etd
                FROM b),
            e AS (
              SELECT d.*, date_trunc('hour', d.etd + CASE WHEN d.i = 0 THEN interval '17 days'
                                  ELSE interval '14 days' + pg_temp.u('eta', d.i) * interval '14 days' END) AS eta,
                     CASE WHEN d.i = 0 OR d.up < 0.35 THEN 'cocoa_beans' WHEN d.up < 0.45 THEN 'coffee'
                          WHEN d.up < 0.55 THEN 'horn_hoof' WHEN d.up < 0.63 THEN 'sweet_potato_pellets'
                          WHEN d.up < 0.71 THEN 'hibiscus' WHEN d.up < 0.79 THEN 'ginger' WHEN d.up < 0.87 THEN 'sesame'
                          WHEN d.up < 0.95 THEN 'cashew' ELSE 'other' END AS product_type
                FROM d),
            f AS (
              SELECT e.*,
                     CASE WHEN e.i = 0 THEN 'in_transit'
                          WHEN e.etd > @A@ THEN
                            CASE WHEN e.created_at > @A@ - interval '3 days' OR pg_temp.u('draft', e.i) < 0.15 THEN 'draft'
                                 ELSE 'paper' END
                          WHEN e.eta > @A@ THEN 'in_transit'
                          WHEN e.eta + interval '3 days' > @A@ THEN 'arrived'
                          WHEN e.eta + interval '7 days' > @A@ THEN 'customs'
                          WHEN e.eta < @A@ - interval '365 days' AND pg_temp.u('archive', e.i) < 0.6 THEN 'archived'
                          ELSE 'delivered' END AS phase,
                     cardinality(r.upload_types) AS req_n
                FROM e JOIN g_req r USING (product_type)),
            g AS (
              SELECT f.*,
                     CASE WHEN f.i = 0 THEN 0
                          WHEN f.phase = 'draft' THEN (pg_temp.u('draftdoc', f.i) < 0.5)::int
                          ELSE f.req_n END::bigint AS dw,
                     -- Archived shipments (old history) get only the documents left over once every other
                     -- shipment has its full set: two apportionments, one per group.
                     (f.phase = 'archived')::int AS dgrp,
                     (pg_temp.h('contw', f.i) % 4)::bigint AS cw
                FROM f),
            w AS (
              SELECT g.*,
                     sum(g.dw) OVER (PARTITION BY g.dgrp ORDER BY g.i) AS dcum, sum(g.dw) OVER (PARTITION BY g.dgrp) AS dtot,
                     least(@ND@, coalesce(sum(g.dw) FILTER (WHERE g.dgrp = 0) OVER (), 0))::bigint AS nd0,
                     sum(g.cw) OVER (ORDER BY g.i) AS ccum, sum(g.cw) OVER () AS ctot
                FROM g)
            SELECT w.i, w.id, w.ek, x.org_id, x.admin_id, x.logistics_id, x.compliance_id, x.name AS exporter_name,
                   w.created_at, w.etd, w.eta, w.product_type, w.phase,
                   CASE w.phase WHEN 'paper' THEN 'docs_pending' ELSE w.phase END AS status,
                   w.req_n,
                   CASE WHEN w.i = 0 THEN 'BENCH-PACK-20'
                        ELSE 'E' || lpad(w.ek::text, 2, '0') || '-' || to_char(w.created_at, 'YYYY') || '-'
                             || lpad(w.i::text, 6, '0') END AS reference,
                   CASE WHEN w.phase = 'draft' AND pg_temp.u('nobuyer', w.i) < 0.5 THEN NULL
                        ELSE pg_temp.uid('organization', 6 + pg_temp.h('buyer', w.i) % 30) END AS buyer_id,
                   CASE WHEN pg_temp.u('supplier', w.i) < 0.6 THEN pg_temp.uid('organization', 36 + pg_temp.h('supplierk', w.i) % 10) END AS supplier_id,
                   CASE WHEN pg_temp.u('forwarder', w.i) < 0.5 THEN pg_temp.uid('organization', 46 + pg_temp.h('forwarderk', w.i) % 5) END AS forwarder_id,
                   pg_temp.pick(ARRAY['MAEU','MSCU','HLCU','CMDU','GRIU','ONEY','COSU','EGLV'], 'carrier', w.i) AS scac,
                   pg_temp.pick(ARRAY['MSC AURORA','MAERSK EDMONTON','GRANDE NIGERIA','CMA CGM TAGE','HAMMONIA LAGOS',
                                      'ONE APUS','COSCO AFRICA','EVER GENTLE','GRANDE TEMA','MSC LAGOS EXPRESS',
                                      'MAERSK CAIRO','NORTHERN VOLITION'], 'vessel', w.i) AS vessel,
                   (100 + pg_temp.h('voyage', w.i) % 900)::text || pg_temp.pick(ARRAY['N','S','E','W'], 'voyagedir', w.i) AS voyage,
                   pg_temp.pick(ARRAY['NGAPP','NGTIN','NGONN','NGPHC'], 'pol', w.i) AS pol,
                   pg_temp.pick(ARRAY['DEHAM','DEBRV','NLRTM','BEANR','FRLEH','ESALG','ESVLC','PTSIE'], 'pod', w.i) AS pod,
                   pg_temp.pick(ARRAY['FOB','CIF','CFR','FCA','CIF','FOB'], 'incoterms', w.i) AS incoterms,
                   w.product_type IN ('cocoa_beans', 'coffee') AND w.phase <> 'draft'
                     AND (w.i = 0 OR pg_temp.u('plots', w.i) < 0.9) AS has_plots,
                   w.phase = 'paper' AND pg_temp.u('allok', w.i) < 0.4 AS all_ok,
                   1 + (pg_temp.u('lines', w.i) < 0.3)::int AS n_lines,
                   (floor(w.ndg * w.dcum / nullif(w.dtot, 0)) - floor(w.ndg * (w.dcum - w.dw) / nullif(w.dtot, 0)))::int AS n_docs,
                   CASE WHEN w.dgrp = 1 THEN w.nd0 ELSE 0 END
                     + floor(w.ndg * (w.dcum - w.dw) / nullif(w.dtot, 0))::bigint AS doc_off,
                   1 + (floor(@NCX@::numeric * w.ccum / nullif(w.ctot, 0)) - floor(@NCX@::numeric * (w.ccum - w.cw) / nullif(w.ctot, 0)))::int AS n_cont,
                   w.i + floor(@NCX@::numeric * (w.ccum - w.cw) / nullif(w.ctot, 0))::bigint AS cont_off
              FROM (SELECT w0.*, (CASE WHEN w0.dgrp = 0 THEN w0.nd0 ELSE @ND@ - w0.nd0 END)::numeric AS ndg FROM w w0) w
              JOIN g_exp x ON x.k = w.ek;
            CREATE UNIQUE INDEX ON g_ship (i);
            ANALYZE g_ship;
            """;

    /**
     * Containers: a valid ISO 6346 number unique over the whole dataset (owner code by row, serial a
     * bijection of the row number modulo 10^6), and the exact number of tracking events per container,
     * apportioned by how far its shipment has travelled.
     */
    static final String CONTAINERS_STAGE = """
            CREATE TEMP TABLE g_cont AS
            WITH c AS (
              SELECT s.cont_off + p AS j, s.i, s.id AS shipment_id, s.org_id, s.ek, p AS pos, s.phase,
                     CASE s.phase WHEN 'in_transit' THEN 4 WHEN 'arrived' THEN 5 WHEN 'customs' THEN 6
                                  WHEN 'delivered' THEN 8 WHEN 'archived' THEN 8 ELSE 0 END::bigint AS ew
                FROM g_ship s CROSS JOIN LATERAL generate_series(0, s.n_cont - 1) p),
            w AS (SELECT c.*, sum(c.ew) OVER (ORDER BY c.j) AS ecum, sum(c.ew) OVER () AS etot FROM c)
            SELECT w.j, w.i, w.shipment_id, w.org_id, w.pos, w.phase,
                   pg_temp.iso6346((ARRAY['MSKU','MRKU','MSCU','MEDU','HLXU','HLBU','CMAU','CGMU','TGHU','TCLU',
                                          'ONEU','CSNU','EGHU','EISU','GESU','TRLU','SEGU','FCIU','BMOU','CAIU'])[1 + w.j % 20]
                                   || lpad((((w.j / 20) * 7919 + @SERIAL_OFFSET@) % 1000000)::text, 6, '0')) AS number,
                   CASE WHEN w.ek = 1 THEN 'vizion' ELSE 'simulator' END AS provider,
                   (floor(@NE@::numeric * w.ecum / nullif(w.etot, 0)) - floor(@NE@::numeric * (w.ecum - w.ew) / nullif(w.etot, 0)))::int AS n_ev,
                   floor(@NE@::numeric * (w.ecum - w.ew) / nullif(w.etot, 0))::bigint AS ev_off
              FROM w;
            CREATE INDEX ON g_cont (i);
            ANALYZE g_cont;
            """;

    /**
     * Documents: the first n required types of the product (current rule set) as version 1, with a
     * status that follows the shipment's phase; BENCH-PACK-20 instead gets one approved version of each
     * of the 16 types plus 4 second versions (20 rows, 16 current) whose 5 MiB files Java writes later.
     */
    static final String DOCUMENTS_STAGE = """
            CREATE TEMP TABLE g_doc AS
            WITH n AS (
              SELECT s.doc_off + k AS dn, s.i, s.id AS shipment_id, s.org_id, s.logistics_id, s.compliance_id,
                     s.created_at, s.phase, s.all_ok, s.bill_of_lading_hint, r.upload_types[k + 1] AS type, 1 AS version, k
                FROM (SELECT g_ship.*, scac || (100000000 + pg_temp.h('bl', i) % 900000000)::text AS bill_of_lading_hint
                        FROM g_ship) s
                JOIN g_req r USING (product_type)
               CROSS JOIN LATERAL generate_series(0, least(s.n_docs, s.req_n) - 1) k),
            pack AS (
              SELECT @ND@ + p AS dn, 0 AS i, s.id AS shipment_id, s.org_id, s.logistics_id, s.compliance_id, s.created_at,
                     s.phase, s.all_ok, NULL::text AS bill_of_lading_hint,
                     t.types[1 + p % 16] AS type, 1 + p / 16 AS version, p AS k
                FROM g_ship s, (SELECT array_agg(code ORDER BY position) AS types FROM document_type) t,
                     generate_series(0, 19) p
               WHERE s.i = 0),
            a AS (SELECT * FROM n UNION ALL SELECT * FROM pack),
            st AS (
              SELECT a.*,
                     CASE WHEN a.i = 0 THEN CASE WHEN a.version = 1 AND a.k < 4 THEN 'superseded' ELSE 'approved' END
                          WHEN a.phase = 'draft' THEN 'uploaded'
                          WHEN a.phase = 'paper' AND a.all_ok THEN 'approved'
                          WHEN a.phase = 'paper' THEN
                            CASE WHEN pg_temp.u('docst', a.dn) < 0.5 THEN 'approved' WHEN pg_temp.u('docst', a.dn) < 0.75 THEN 'under_review'
                                 WHEN pg_temp.u('docst', a.dn) < 0.9 THEN 'uploaded' ELSE 'rejected' END
                          WHEN a.phase IN ('in_transit', 'arrived', 'customs') THEN
                            CASE WHEN pg_temp.u('docst', a.dn) < 0.85 THEN 'approved' WHEN pg_temp.u('docst', a.dn) < 0.95 THEN 'under_review'
                                 ELSE 'rejected' END
                          ELSE CASE WHEN pg_temp.u('docst', a.dn) < 0.98 THEN 'approved' ELSE 'rejected' END END AS status,
                     a.created_at + least(interval '1 day' * (a.k + 1), (@A@ - a.created_at) * (a.k + 1) / 24)
                       + pg_temp.h('docmin', a.dn) % 600 * interval '1 minute' / 10 AS uploaded_at
                FROM a)
            SELECT st.dn, pg_temp.uid('document', st.dn) AS id, st.i, st.shipment_id, st.org_id, st.logistics_id,
                   st.compliance_id, st.type, st.version, st.status, st.uploaded_at,
                   CASE WHEN st.status = 'uploaded' THEN st.uploaded_at
                        ELSE st.uploaded_at + least(interval '1 day', (@A@ - st.uploaded_at) / 2) END AS status_changed_at,
                   CASE WHEN st.type = 'bill_of_lading' AND st.bill_of_lading_hint IS NOT NULL THEN st.bill_of_lading_hint
                        ELSE upper(regexp_replace(st.type, '([a-z])[a-z]*_?', '\\1', 'g')) || '-' || (1000000 + st.dn)::text
                             || CASE WHEN st.version > 1 THEN '-R' || st.version ELSE '' END END AS reference_number,
                   (st.uploaded_at - interval '2 days')::date AS issue_date,
                   CASE WHEN t.has_expiry THEN (st.uploaded_at + interval '178 days')::date END AS expiry_date,
                   CASE st.type WHEN 'veterinary_health_certificate' THEN 'Nigerian Veterinary Research Institute (NVRI)'
                                ELSE t.typical_issuer END AS issuer,
                   CASE st.type WHEN 'certificate_of_origin' THEN '{"country_of_origin":"NG"}'
                                WHEN 'eu_traces_certificate' THEN '{"traces_number":"NG-BENCH-' || lpad(g.ek::text, 4, '0') || '"}'
                                ELSE '{}' END::jsonb AS fields,
                   t.name AS type_name
              FROM st JOIN document_type t ON t.code = st.type JOIN g_ship g ON g.i = st.i;
            CREATE INDEX ON g_doc (i);
            ANALYZE g_doc;
            """;

    /**
     * The stored compliance evaluation, in the shape the application writes (ComplianceEvaluation as
     * JSON): one requirement per required type with the app's messages, the three regimes, no findings
     * (the generated metadata trips no rule). Then the paperwork statuses follow it, as the app keeps
     * them: docs_complete exactly when compliant.
     */
    static final String EVALUATIONS_STAGE = """
            CREATE TEMP TABLE g_eval AS
            WITH deciding AS (
              SELECT DISTINCT ON (d.i, d.type) d.i, d.type, d.id, d.version, d.status, d.expiry_date
                FROM g_doc d ORDER BY d.i, d.type, (d.status = 'approved') DESC, d.version DESC),
            req AS (
              SELECT s.i, t.type, t.pos, dc.id AS doc_id, dc.version,
                     CASE WHEN t.type = 'eudr_dds_package' AND 'eudr' = ANY (r.regimes) THEN
                            CASE WHEN s.has_plots THEN 'satisfied' ELSE 'missing' END
                          WHEN dc.id IS NULL THEN 'missing'
                          WHEN dc.status = 'approved' THEN 'satisfied'
                          WHEN dc.status IN ('uploaded', 'under_review') THEN 'pending'
                          ELSE 'failed' END AS state,
                     dc.status AS doc_status
                FROM g_ship s JOIN g_req r USING (product_type)
               CROSS JOIN LATERAL unnest(r.all_types) WITH ORDINALITY t (type, pos)
                LEFT JOIN deciding dc ON dc.i = s.i AND dc.type = t.type AND t.type <> 'eudr_dds_package'),
            req_json AS (
              SELECT q.i, q.type, q.pos, q.state, jsonb_build_object(
                       'documentType', q.type, 'state', q.state,
                       'documentId', CASE WHEN q.type = 'eudr_dds_package' THEN NULL ELSE q.doc_id END,
                       'version', CASE WHEN q.type = 'eudr_dds_package' THEN NULL ELSE q.version END,
                       'message', CASE
                          WHEN q.type = 'eudr_dds_package' AND q.state = 'satisfied'
                            THEN 'Generated by TraceHub from the shipment''s plots; download it from the EUDR card.'
                          WHEN q.type = 'eudr_dds_package'
                            THEN 'The DDS-ready package needs complete origin data: No plots yet: add the geolocation of every plot the goods come from.'
                          WHEN q.state = 'missing' THEN 'No ' || pg_temp.lower_label(q.type) || ' uploaded yet.'
                          WHEN q.state = 'satisfied' THEN pg_temp.label(q.type) || ' v' || q.version || ' approved.'
                          WHEN q.doc_status = 'uploaded' THEN pg_temp.label(q.type) || ' v' || q.version || ' is uploaded, not yet reviewed.'
                          WHEN q.doc_status = 'under_review' THEN pg_temp.label(q.type) || ' v' || q.version || ' is under review.'
                          ELSE pg_temp.label(q.type) || ' v' || q.version || ' was rejected.' END,
                       'nextAction', CASE
                          WHEN q.state = 'satisfied' THEN NULL
                          WHEN q.type = 'eudr_dds_package'
                            THEN 'Add the plots (GeoJSON) and link them to every product line on the EUDR card.'
                          WHEN q.state = 'missing' THEN 'Upload the ' || pg_temp.lower_label(q.type) || '.'
                          WHEN q.doc_status = 'uploaded' THEN 'Submit ' || pg_temp.label(q.type) || ' v' || q.version || ' for review.'
                          WHEN q.doc_status = 'under_review' THEN 'Review ' || pg_temp.label(q.type) || ' v' || q.version || ': approve or reject it.'
                          ELSE 'Upload a corrected ' || pg_temp.lower_label(q.type) || '.' END) AS j
                FROM req q),
            agg AS (
              SELECT rj.i, jsonb_agg(rj.j ORDER BY rj.pos) AS requirements, array_agg(rj.state) AS states,
                     array_agg(rj.state) FILTER (WHERE rj.type IN ('eu_traces_certificate', 'veterinary_health_certificate')) AS vet_states,
                     max(rj.state) FILTER (WHERE rj.type = 'phytosanitary_certificate') AS phyto_state
                FROM req_json rj GROUP BY rj.i),
            expiry AS (
              SELECT dc.i, min(dc.expiry_date) AS next_expiry FROM deciding dc WHERE dc.status = 'approved' GROUP BY dc.i),
            last_doc AS (SELECT d.i, max(d.status_changed_at) AS last_doc FROM g_doc d GROUP BY d.i),
            per AS (
              SELECT s.i, s.id, s.org_id, s.has_plots, s.created_at, r.regimes, a.requirements, a.states, a.vet_states,
                     a.phyto_state, x.next_expiry, l.last_doc
                FROM g_ship s JOIN g_req r USING (product_type)
                JOIN agg a ON a.i = s.i
                LEFT JOIN expiry x ON x.i = s.i
                LEFT JOIN last_doc l ON l.i = s.i),
            reg AS (
              SELECT per.*,
                     CASE WHEN NOT 'eudr' = ANY (per.regimes) THEN 'not_applicable'
                          WHEN per.has_plots THEN 'passed' ELSE 'pending' END AS eudr,
                     CASE WHEN NOT 'veterinary' = ANY (per.regimes) THEN 'not_applicable'
                          WHEN 'failed' = ANY (per.vet_states) THEN 'failed'
                          WHEN 'satisfied' = ALL (per.vet_states) THEN 'passed' ELSE 'pending' END AS vet,
                     CASE WHEN NOT 'phytosanitary' = ANY (per.regimes) THEN 'not_applicable'
                          WHEN per.phyto_state = 'failed' THEN 'failed'
                          WHEN per.phyto_state = 'satisfied' THEN 'passed' ELSE 'pending' END AS phyto
                FROM per),
            ov AS (
              SELECT reg.*,
                     CASE WHEN 'failed' = ANY (reg.states) OR 'failed' IN (reg.eudr, reg.vet, reg.phyto) THEN 'non_compliant'
                          WHEN 'satisfied' = ALL (reg.states)
                               AND reg.eudr IN ('passed', 'not_applicable') AND reg.vet IN ('passed', 'not_applicable')
                               AND reg.phyto IN ('passed', 'not_applicable') THEN 'compliant'
                          ELSE 'in_progress' END AS overall,
                     least(@A@, greatest(reg.created_at, reg.last_doc) + interval '1 minute') AS evaluated_at
                FROM reg)
            SELECT ov.i, ov.id AS shipment_id, ov.org_id, ov.overall, ov.next_expiry, ov.evaluated_at,
                   jsonb_build_object(
                     'shipmentId', ov.id, 'ruleSetVersion', @RS@, 'overall', ov.overall,
                     'requirements', coalesce(ov.requirements, '[]'::jsonb),
                     'regimes', jsonb_build_array(
                        jsonb_build_object('code', 'eudr', 'status', ov.eudr, 'findings', '[]'::jsonb),
                        jsonb_build_object('code', 'veterinary', 'status', ov.vet, 'findings', '[]'::jsonb),
                        jsonb_build_object('code', 'phytosanitary', 'status', ov.phyto, 'findings', '[]'::jsonb)),
                     'findings', '[]'::jsonb,
                     'evaluatedAt', to_char(ov.evaluated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) AS result
              FROM ov;
            CREATE UNIQUE INDEX ON g_eval (i);
            UPDATE g_ship s SET status = CASE WHEN e.overall = 'compliant' THEN 'docs_complete' ELSE 'docs_pending' END
              FROM g_eval e WHERE e.i = s.i AND s.phase = 'paper';
            ANALYZE g_ship;
            """;

    // ---- batched inserts: each takes the shipment row range [@LO@, @HI@) ----

    static final String INSERT_SHIPMENTS = """
            INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, exporter_name,
              exporter_address, importer_name, importer_address, bill_of_lading, booking_reference, carrier_scac,
              carrier_name, vessel_name, voyage, port_of_loading, port_of_discharge, final_destination, incoterms, etd,
              eta, eta_original, atd, ata, status, attention, notes, search_text, version, created_by, created_at,
              updated_by, updated_at, archived_at)
            SELECT s.id, s.org_id, s.reference, s.product_type, s.buyer_id, s.exporter_name, 'Plot 12, Industrial Estate, Lagos, Nigeria',
                   b.name, CASE WHEN b.name IS NOT NULL THEN 'Harbour Road 1, ' || b.country_code END,
                   x.bl, 'BK' || (10000000 + s.i)::text, s.scac, c.name, s.vessel, s.voyage, s.pol, s.pod, pod.name,
                   s.incoterms, s.etd, s.eta,
                   CASE WHEN x.slipped THEN s.eta - interval '2 days' ELSE s.eta END,
                   CASE WHEN x.rank >= 4 THEN s.etd END, CASE WHEN x.rank >= 5 THEN s.eta END,
                   s.status,
                   CASE WHEN x.slipped THEN ARRAY['eta_slipped'] WHEN x.hold THEN ARRAY['customs_hold'] ELSE '{}'::text[] END,
                   NULL,
                   lower(concat_ws(' ', s.reference, x.bl, 'BK' || (10000000 + s.i)::text, s.vessel, s.voyage,
                         (SELECT string_agg(gc.number, ' ' ORDER BY gc.pos) FROM g_cont gc WHERE gc.i = s.i))),
                   x.rank - 1, s.admin_id, s.created_at, s.logistics_id, t.times[x.rank],
                   CASE WHEN s.status = 'archived' THEN t.times[8] END
              FROM g_ship s
              LEFT JOIN organization b ON b.id = s.buyer_id
              JOIN carrier c ON c.scac = s.scac
              JOIN location pod ON pod.unlocode = s.pod
             CROSS JOIN LATERAL (SELECT s.scac || (100000000 + pg_temp.h('bl', s.i) % 900000000)::text AS bl,
                    array_position(ARRAY['draft','docs_pending','docs_complete','in_transit','arrived','customs','delivered','archived'],
                                   s.status) AS rank,
                    s.status = 'in_transit' AND s.i <> 0 AND pg_temp.u('slip', s.i) < 0.15 AS slipped,
                    s.status = 'customs' AND pg_temp.u('hold', s.i) < 0.2 AS hold) x
             CROSS JOIN LATERAL (SELECT @TIMES@ AS times) t
             WHERE s.i >= @LO@ AND s.i < @HI@
             ORDER BY s.i;
            INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)
            SELECT s.id, s.org_id, p.party, p.role FROM g_ship s
             CROSS JOIN LATERAL (VALUES (s.supplier_id, 'supplier'), (s.forwarder_id, 'logistics')) p (party, role)
             WHERE p.party IS NOT NULL AND s.i >= @LO@ AND s.i < @HI@ ORDER BY s.i, p.role;
            INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number, iso_type,
              seal_number, gross_weight_kg, tracking_status)
            SELECT pg_temp.uid('container', c.j), c.shipment_id, c.org_id, c.pos, c.number,
                   pg_temp.pick(ARRAY['22G1','45G1','42G1','45G1'], 'isotype', c.j),
                   'SL' || (1000000 + pg_temp.h('seal', c.j) % 9000000)::text,
                   (18000 + pg_temp.h('cweight', c.j) % 900000 / 100.0)::numeric(12, 2),
                   CASE c.phase WHEN 'in_transit' THEN 'DEPA' WHEN 'arrived' THEN 'DISC' WHEN 'customs' THEN 'CUSS'
                                WHEN 'delivered' THEN 'GTOT' WHEN 'archived' THEN 'GTOT' END
              FROM g_cont c WHERE c.i >= @LO@ AND c.i < @HI@ ORDER BY c.j;
            INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code, description,
              net_weight_kg, gross_weight_kg, packages, packaging_type, batch_numbers, quality_grade, moisture_percent,
              container_number)
            SELECT pg_temp.uid('line', s.i * 4 + l), s.id, s.org_id, l,
                   coalesce(p.hs_headings[1], '2106') || pg_temp.pick(ARRAY['00','10','90'], 'hs', s.i * 4 + l),
                   p.name || ', lot ' || (l + 1),
                   (s.n_cont * 19000.0 / s.n_lines)::numeric(12, 2), (s.n_cont * 19400.0 / s.n_lines)::numeric(12, 2),
                   (s.n_cont * 300 / s.n_lines)::int, 'bags', 'LOT-' || s.i || '-' || (l + 1),
                   pg_temp.pick(ARRAY['Grade A','Grade B','Standard'], 'grade', s.i * 4 + l),
                   CASE WHEN s.product_type = 'sweet_potato_pellets' THEN (10 + pg_temp.u('moist', s.i) * 2.5)::numeric(5, 2)
                        WHEN s.product_type IN ('cocoa_beans', 'coffee') THEN (6.5 + pg_temp.u('moist', s.i))::numeric(5, 2) END,
                   (SELECT gc.number FROM g_cont gc WHERE gc.i = s.i AND gc.pos = 0)
              FROM g_ship s JOIN product_type p ON p.code = s.product_type
             CROSS JOIN LATERAL generate_series(0, s.n_lines - 1) l
             WHERE s.i >= @LO@ AND s.i < @HI@ ORDER BY s.i, l;
            INSERT INTO shipment_status_change (shipment_id, organization_id, from_status, to_status, reason, source,
              actor_user_id, occurred_at)
            SELECT s.id, s.org_id, CASE WHEN r > 1 THEN st.names[r - 1] END, st.names[r],
                   CASE r WHEN 1 THEN 'Created' WHEN 3 THEN 'All required documents approved'
                          WHEN 4 THEN 'Vessel departed' WHEN 5 THEN 'Vessel arrived' WHEN 6 THEN 'Customs inspection'
                          WHEN 8 THEN 'Archived after delivery' END,
                   CASE WHEN r = 3 THEN 'system' WHEN r IN (4, 5, 6) THEN 'tracking' ELSE 'user' END,
                   CASE WHEN r IN (3, 4, 5, 6) THEN NULL ELSE s.logistics_id END, t.times[r]
              FROM g_ship s
             CROSS JOIN LATERAL (SELECT ARRAY['draft','docs_pending','docs_complete','in_transit','arrived','customs','delivered','archived'] AS names) st
             CROSS JOIN LATERAL generate_series(1, array_position(st.names, s.status)) r
             CROSS JOIN LATERAL (SELECT @TIMES@ AS times) t
             WHERE s.i >= @LO@ AND s.i < @HI@ ORDER BY s.i, r;
            """;

    /**
     * When each status was reached, by rank (1 = draft … 8 = archived): created, a day later (or sooner
     * for very new ones), two days before departure, departure, arrival, customs, delivery, archiving.
     */
    static final String TIMES = """
            ARRAY[s.created_at,
                  s.created_at + least(interval '1 day', (@A@ - s.created_at) / 3),
                  greatest(s.created_at + least(interval '1 day', (@A@ - s.created_at) / 3) + interval '1 hour',
                           least(s.etd - interval '2 days', @A@ - interval '1 hour')),
                  s.etd, s.eta, s.eta + interval '3 days', s.eta + interval '7 days',
                  s.eta + interval '37 days' + pg_temp.u('archived', s.i) * interval '300 days']""";

    /** Active subscriptions for the containers on the water or at the port (exporter 1: Vizion). */
    static final String INSERT_SUBSCRIPTIONS = """
            INSERT INTO tracking_subscription (id, organization_id, shipment_id, container_number, provider,
              provider_reference, state, phase, started_at, next_check_at, last_checked_at, last_success_at, polls)
            SELECT pg_temp.uid('subscription', c.j), c.org_id, c.shipment_id, c.number, c.provider,
                   CASE WHEN c.provider = 'vizion' THEN pg_temp.uid('vizion-reference', c.j)::text END,
                   'active', CASE c.phase WHEN 'in_transit' THEN 'at_sea' ELSE 'arrived' END,
                   s.etd - interval '3 days',
                   -- Not due for a day after the anchor, so a freshly loaded dataset is not polled at once.
                   @A@ + interval '1 day' + pg_temp.u('nextcheck', c.j) * interval '12 hours',
                   @A@ - pg_temp.u('lastcheck', c.j) * interval '6 hours',
                   @A@ - pg_temp.u('lastcheck', c.j) * interval '6 hours',
                   10 + pg_temp.h('polls', c.j) % 50
              FROM g_cont c JOIN g_ship s ON s.i = c.i
             WHERE c.phase IN ('in_transit', 'arrived', 'customs') AND c.i >= @LO@ AND c.i < @HI@
             ORDER BY c.j;
            """;

    /** DCSA events in journey order; past ones are actual (ACT), the rest estimated (EST). */
    static final String INSERT_EVENTS = """
            INSERT INTO tracking_event (id, organization_id, shipment_id, container_number, provider, provider_event_id,
              dcsa_code, provider_code, family, classifier, event_time, unlocode, location_name, facility_type,
              vessel_name, voyage, empty_indicator, derived, retracted, received_at)
            SELECT pg_temp.uid('event', c.ev_off + k), c.org_id, c.shipment_id, c.number, c.provider,
                   'bench-' || (c.ev_off + k)::text, e.code, e.code, dc.family,
                   CASE WHEN e.t <= @A@ THEN 'ACT' ELSE 'EST' END, e.t, loc.unlocode, loc.name, 'POTE',
                   CASE WHEN e.code IN ('LOAD', 'DEPA', 'ARRI', 'DISC') THEN s.vessel END,
                   CASE WHEN e.code IN ('LOAD', 'DEPA', 'ARRI', 'DISC') THEN s.voyage END,
                   CASE WHEN dc.family = 'equipment' THEN 'LADEN' END, false, false,
                   CASE WHEN e.t <= @A@ THEN e.t + interval '15 minutes' ELSE @A@ - interval '6 hours' END
              FROM g_cont c JOIN g_ship s ON s.i = c.i
             CROSS JOIN LATERAL generate_series(0, c.n_ev - 1) k
             CROSS JOIN LATERAL (
               SELECT (ARRAY['GTIN','LOAD','DEPA','ARRI','DISC','CUSS','CUSR','GTOT'])[1 + k % 8] AS code,
                      (ARRAY[s.etd - interval '3 days', s.etd - interval '1 day', s.etd, s.eta, s.eta + interval '1 day',
                             s.eta + interval '2 days', s.eta + interval '5 days', s.eta + interval '6 days'])[1 + k % 8]
                        + CASE WHEN k % 8 IN (2, 3) THEN interval '0' ELSE pg_temp.h('evmin', c.ev_off + k) % 240 * interval '1 minute' END AS t,
                      CASE WHEN k % 8 < 3 THEN s.pol ELSE s.pod END AS port) e
              JOIN dcsa_event_code dc ON dc.code = e.code
              JOIN location loc ON loc.unlocode = e.port
             WHERE c.i >= @LO@ AND c.i < @HI@
             ORDER BY c.j, k;
            """;

    static final String INSERT_DOCUMENTS = """
            INSERT INTO document (id, shipment_id, organization_id, type, version, status, reference_number, issue_date,
              expiry_date, issuer, fields, storage_key, sha256, size_bytes, content_type, original_name, suggestions,
              uploaded_by, uploaded_by_organization_id, uploaded_at, status_changed_at, updated_at)
            SELECT d.id, d.shipment_id, d.org_id, d.type, d.version, d.status, d.reference_number, d.issue_date,
                   d.expiry_date, d.issuer, d.fields, 'shipments/' || d.shipment_id || '/' || d.id,
                   -- BENCH-PACK-20's files are written (and these two columns corrected) by the generator's Java.
                   CASE WHEN d.i = 0 THEN repeat('0', 64) ELSE encode(sha256(b.pdf), 'hex') END,
                   CASE WHEN d.i = 0 THEN 0 ELSE octet_length(b.pdf) END,
                   'application/pdf', d.type || '-' || d.reference_number || '.pdf',
                   '{"types":[],"referenceNumbers":[],"containerNumbers":[],"hsCodes":[],"ports":[],"weightsKg":[]}',
                   d.logistics_id, d.org_id, d.uploaded_at, d.status_changed_at, d.status_changed_at
              FROM g_doc d
             CROSS JOIN LATERAL (SELECT CASE WHEN d.i <> 0 THEN
                      pg_temp.doc_pdf(d.id, d.shipment_id, d.type_name, d.reference_number, d.version) END AS pdf) b
             WHERE d.i >= @LO@ AND d.i < @HI@
             ORDER BY d.dn;
            INSERT INTO document_transition (document_id, shipment_id, organization_id, from_status, to_status,
              actor_user_id, actor_organization_id, reason, occurred_at)
            SELECT d.id, d.shipment_id, d.org_id, CASE WHEN p.n > 1 THEN p.path[p.n - 1] END, p.path[p.n],
                   CASE WHEN p.path[p.n] IN ('uploaded', 'under_review') THEN d.logistics_id ELSE d.compliance_id END,
                   d.org_id,
                   CASE p.path[p.n] WHEN 'rejected' THEN 'Illegible scan; please upload a clearer copy.'
                                    WHEN 'superseded' THEN 'Version ' || (d.version + 1) || ' approved' END,
                   CASE WHEN p.n = 1 THEN d.uploaded_at
                        WHEN p.n = 2 AND p.last > 2 THEN d.uploaded_at + (d.status_changed_at - d.uploaded_at) / 2
                        ELSE d.status_changed_at END
              FROM g_doc d
             CROSS JOIN LATERAL (
               SELECT path, n, cardinality(path) AS last FROM (SELECT CASE d.status
                        WHEN 'uploaded' THEN ARRAY['uploaded']
                        WHEN 'under_review' THEN ARRAY['uploaded', 'under_review']
                        WHEN 'superseded' THEN ARRAY['uploaded', 'under_review', 'approved', 'superseded']
                        ELSE ARRAY['uploaded', 'under_review', d.status] END AS path) x,
                      generate_series(1, cardinality(x.path)) n) p
             WHERE d.i >= @LO@ AND d.i < @HI@
             ORDER BY d.dn, p.n;
            """;

    /**
     * EUDR plots of cocoa and coffee shipments (90 % of those past draft): a Point of at most 4 ha per
     * product line in Nigerian cocoa country, plus a square Polygon of 7-12 ha on every third shipment,
     * each stored as the GeoJSON Feature the app keeps, linked to its line (1-based position).
     */
    static final String INSERT_PLOTS = """
            WITH p AS (
              SELECT s.i, s.id AS shipment_id, s.org_id, s.compliance_id, s.created_at, l AS line, kind,
                     s.i * 8 + l * 2 + kind AS on_,
                     (ARRAY[6.700000, 4.560000, 8.580000])[1 + pg_temp.h('region', s.i) % 3] AS rlon,
                     (ARRAY[7.150000, 7.450000, 5.960000])[1 + pg_temp.h('region', s.i) % 3] AS rlat,
                     (ARRAY['Idanre, Ondo State', 'Ife North, Osun State', 'Ikom, Cross River State'])[1 + pg_temp.h('region', s.i) % 3] AS place,
                     (ARRAY['Idanre Cocoa Farmers Cooperative', 'Ayetoro Growers Union', 'Ikom Smallholders Cooperative'])[1 + pg_temp.h('region', s.i) % 3] AS coop
                FROM g_ship s
               CROSS JOIN LATERAL generate_series(1, s.n_lines) l
               CROSS JOIN LATERAL generate_series(0, CASE WHEN s.i % 3 = 0 THEN 1 ELSE 0 END) kind
               WHERE s.has_plots AND s.i >= @LO@ AND s.i < @HI@),
            q AS (
              SELECT p.*, round((p.rlon + (pg_temp.u('lon', p.on_) - 0.5) * 0.2)::numeric, 6) AS lon,
                     round((p.rlat + (pg_temp.u('lat', p.on_) - 0.5) * 0.2)::numeric, 6) AS lat,
                     round((0.0025 + pg_temp.u('side', p.on_) * 0.0007)::numeric, 6) AS side,
                     p.coop || ' member ' || (100 + pg_temp.h('member', p.on_) % 900)::text AS producer,
                     round((2.5 + pg_temp.h('pointha', p.on_) % 150 / 100.0)::numeric, 2) AS point_ha
                FROM p),
            r AS (
              SELECT q.*,
                     round((q.side * 111320 * cos(radians(q.lat)) * q.side * 110574 / 10000)::numeric, 4) AS poly_ha
                FROM q),
            ins AS (
              INSERT INTO eudr_origin (id, shipment_id, organization_id, created_by, created_by_organization_id,
                producer_name, producer_country, production_place, area_ha, computed_area_ha, feature_index,
                geometry_type, geometry, production_start, production_end, repairs_applied, created_at)
              SELECT pg_temp.uid('origin', r.on_), r.shipment_id, r.org_id, r.compliance_id, r.org_id, r.producer, 'NG',
                     r.place, CASE WHEN r.kind = 0 THEN r.point_ha ELSE round(r.poly_ha, 2) END,
                     CASE WHEN r.kind = 0 THEN 0 ELSE r.poly_ha END, 1 + r.kind,
                     CASE WHEN r.kind = 0 THEN 'Point' ELSE 'Polygon' END,
                     jsonb_build_object('type', 'Feature',
                       'properties', jsonb_build_object('ProducerName', r.producer, 'ProducerCountry', 'NG',
                                       'ProductionPlace', r.place,
                                       'Area', CASE WHEN r.kind = 0 THEN r.point_ha ELSE round(r.poly_ha, 2) END),
                       'geometry', CASE WHEN r.kind = 0
                         THEN jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(r.lon, r.lat))
                         ELSE jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
                                jsonb_build_array(r.lon + 0.004, r.lat), jsonb_build_array(r.lon + 0.004 + r.side, r.lat),
                                jsonb_build_array(r.lon + 0.004 + r.side, r.lat + r.side),
                                jsonb_build_array(r.lon + 0.004, r.lat + r.side), jsonb_build_array(r.lon + 0.004, r.lat)))) END),
                     (r.created_at - interval '200 days')::date, (r.created_at - interval '20 days')::date, '{}',
                     r.created_at + least(interval '1 day', (@A@ - r.created_at) / 2)
                FROM r ORDER BY r.on_
              RETURNING id)
            INSERT INTO eudr_origin_line (origin_id, shipment_id, organization_id, line_position)
            SELECT pg_temp.uid('origin', p.on_), p.shipment_id, p.org_id, p.line FROM p ORDER BY p.on_;
            """;

    static final String INSERT_EVALUATIONS = """
            INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall, result,
              next_expiry, evaluated_at)
            SELECT e.shipment_id, e.org_id, @RS@, e.overall, e.result, e.next_expiry, e.evaluated_at
              FROM g_eval e WHERE e.i >= @LO@ AND e.i < @HI@ ORDER BY e.i;
            """;
}
