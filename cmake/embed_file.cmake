# Script mode: writes OUTPUT, a C++ file holding INPUT's bytes.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace ${NAMESPACE} {\nnamespace {\nconst char kData[] = {\n${bytes}'\\0'};\n}\nstd::string_view ${SYMBOL}() { return {kData, ${byte_count}}; }\n}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
