# Sourced by the exam benchmarks: TOTAL trainees BENCH-00001... (password bench-trainee-pass)
# of agency BENCH-X, a 40-question bank and the assessment BENCH-EXAM, set up through the API
# at $base as admin ($password), the accounts written in the database $database directly.
# Needs: base, password, database, work, psql_db (an array: psql on that database).
exam_setup() {
    local total=$1
    api() { curl -sf -u "admin:$password" "$@"; }
    { echo "employee_code,full_name,agency_code,position"
      for i in $(seq 1 "$total"); do printf 'BENCH-%05d,Học viên %d,BENCH-X,STAFF\n' "$i" "$i"; done; } >"$work/officials.csv"
    printf 'code,name,level,sector\nBENCH-X,Ủy ban nhân dân xã,COMMUNE,STATE\n' |
        api -H 'Content-Type: text/csv' --data-binary @- "${base}api/agencies/import" >/dev/null
    api -H 'Content-Type: text/csv' --data-binary "@$work/officials.csv" "${base}api/officials/import" >/dev/null
    api -X PUT -H 'Content-Type: application/json' -d '{"password": "bench-trainee-pass"}' \
        "${base}api/officials/BENCH-00001/password" >/dev/null
    # Every other trainee gets the same password hash directly: hashing thousands of passwords
    # one by one through the API would only measure the hash.
    "${psql_db[@]}" <<'SQL'
INSERT INTO account (id, username, password_hash, official_id, version)
SELECT 10000000 + o.id, o.employee_code, (SELECT password_hash FROM account WHERE username = 'BENCH-00001'), o.id, 1
FROM official o WHERE o.employee_code LIKE 'BENCH-%' AND o.employee_code <> 'BENCH-00001';
INSERT INTO account_role (account_id, role) SELECT a.id, 'TRAINEE' FROM account a
WHERE a.username LIKE 'BENCH-%' AND a.username <> 'BENCH-00001';
SQL
    { echo '$CATEGORY: BENCH'; echo
      for i in $(seq 1 40); do printf '::B%d:: Câu hỏi số %d {=đáp án %d}\n\n' "$i" "$i" "$i"; done; } |
        api -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @- "${base}api/question-banks/import" >/dev/null
    api -H 'Content-Type: application/json' -d '{"code": "BENCH-EXAM", "title": "Bench", "programme": "BASIC-IT",
        "timeLimitMinutes": 240, "passPercent": 50, "maxAttempts": 1,
        "sections": [{"category": "BENCH", "count": 40}]}' "${base}api/assessments" >/dev/null
}
