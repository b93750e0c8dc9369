"""Reading and writing: documents in, claims in and out (SPEC §3 and §4).

How bad or odd input is treated (SPEC §5: exit 2 with `FILE:LINE: reason`, or with
`--on-error skip` the row is reported, skipped and written verbatim to `--rejects`):

- Encoding: a BOM (UTF-8, UTF-16) decides; else UTF-8 if the first 64 KiB are UTF-8; else the
  legacy code page whose words look like words (`legacy.py`); `--encoding` overrides. Bytes
  that do not decode stop the file at the line they are on; the lines before are kept.
- Line endings `\\r\\n`, `\\r` and `\\n` are all read as one. Gzip is read whatever the name.
- Size: inputs stream through `TextStream`; a claim line over 1 MiB characters is a bad row
  (skipped without being held in memory), an article over 16 MiB characters is refused.
- Binary data: a named file is an error; inside a directory it is skipped with a warning.
  A NUL byte in a row makes that row bad.
- CSV: the header is required (`source`, `outcome`, and one of `low`/`high`/`qualifier`/
  `text`; names match case-insensitively; duplicates are an error); extra columns pass
  through to every output format. A header with no rows is zero claims (exit 0). An empty
  input is zero claims with a warning, so `extract | cluster -` with nothing found works.
  Trailing empty cells are ignored; any other ragged row is bad. After an unclosed quote,
  reading resumes on the next line so the rows after it are not lost.
- JSON: a JSON array where JSON Lines were expected is read as an array.
- Values: read when unambiguous (` 73 `, `1,200`, `٧٣`, `73.0`, `seventy-three`,
  `30/09/2017`), refused otherwise (`1.200`, `7.5`, `dozens`, `05/09/2017`, `2017-02-31`,
  year 3017, unknown vocabulary, coordinates out of range, `low > high`).
- Claim ids: a row repeated exactly is read once and reported; a different claim under an id
  already used is a bad row naming both lines (`unique.py`).
"""
