// Loader: the happy path, and every class of bad input with its message and its place.
#include <catch2/catch.hpp>

#include "hallyu/error.hpp"
#include "hallyu/io/json_loader.hpp"

using hallyu::DataError;
using hallyu::Dataset;
using hallyu::io::load_dataset;
using hallyu::io::SourceText;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

Dataset load(const std::string& text) { return load_dataset({{"t.json", text}}); }

std::string error_of(const std::vector<SourceText>& sources) {
  try {
    load_dataset(sources);
  } catch (const DataError& e) {
    std::string message = e.what();
    CHECK(message.find('\n') == std::string::npos);  // one line, always
    return message;
  }
  FAIL("expected a DataError");
  return {};
}
std::string error_of(const std::string& text) { return error_of({{"t.json", text}}); }

// A document with one entity line and one relation line inserted, so positions are easy to state:
// line 1 `{"format": "hallyu/1",`, line 2 `"entities": [`, entities from line 3.
std::string doc(const std::vector<std::string>& entities, const std::vector<std::string>& relations = {}) {
  std::string out = "{\"format\": \"hallyu/1\",\n\"entities\": [\n";
  for (std::size_t i = 0; i < entities.size(); ++i) out += entities[i] + (i + 1 < entities.size() ? ",\n" : "\n");
  out += "],\n\"relations\": [\n";
  for (std::size_t i = 0; i < relations.size(); ++i) out += relations[i] + (i + 1 < relations.size() ? ",\n" : "\n");
  return out + "]}\n";
}

const std::string kIu = R"({"id": "iu", "kind": "idol", "name": "IU", "aliases": ["이지은"], "birth_year": 1993})";
const std::string kLuna = R"({"id": "hotel-del-luna", "kind": "drama", "name": "Hotel Del Luna", "year": 2019})";
const std::string kExo = R"({"id": "exo", "kind": "group", "name": "EXO"})";
const std::string kActed =
    R"({"from": "iu", "to": "hotel-del-luna", "type": "acted_in", "role": "Jang Man-wol", "billing": "lead"})";

}  // namespace

TEST_CASE("loader reads entities, relations and extra attributes", "[loader]") {
  Dataset d = load(doc({kIu, kLuna}, {kActed}));
  REQUIRE(d.entities.size() == 2);
  REQUIRE(d.relations.size() == 1);
  CHECK(d.entities[0].id == "iu");
  CHECK(d.entities[0].kind == hallyu::Kind::idol);
  CHECK(d.entities[0].aliases == std::vector<std::string>{"이지은"});
  REQUIRE(d.entities[0].attributes.size() == 1);
  CHECK(d.entities[0].attributes[0].key == "birth_year");
  CHECK(d.entities[0].attributes[0].json == "1993");
  CHECK(d.relations[0].from == 0);
  CHECK(d.relations[0].to == 1);
  CHECK(d.relations[0].type == hallyu::RelationType::acted_in);
  CHECK(hallyu::attribute_text(d.relations[0].attributes, "role") == "Jang Man-wol");
}

TEST_CASE("loader keeps nested attribute values exactly", "[loader]") {
  Dataset d = load(doc({R"({"id": "a", "kind": "idol", "name": "A", "links": {"x": [1, 2.50, "s\"q"], "y": null}})"}));
  REQUIRE(d.entities[0].attributes.size() == 1);
  CHECK(d.entities[0].attributes[0].json == R"({"x":[1,2.50,"s\"q"],"y":null})");
}

TEST_CASE("loader accepts a UTF-8 byte order mark and the fixture file", "[loader]") {
  CHECK(load("\xEF\xBB\xBF" + doc({kIu})).entities.size() == 1);
  Dataset mini = hallyu::io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/mini.json"});
  CHECK(mini.entities.size() == 16);
  CHECK(mini.relations.size() == 16);
}

TEST_CASE("malformed JSON is reported at its line and column", "[loader][errors]") {
  // Line 3 is `{"id": "iu",,` : the second comma at column 13 is the fault.
  std::string text = "{\"format\": \"hallyu/1\",\n\"entities\": [\n{\"id\": \"iu\",,\n]}";
  CHECK_THAT(error_of(text), StartsWith("t.json:3:13: malformed JSON"));
  CHECK_THAT(error_of(""), StartsWith("t.json:1:1: malformed JSON: the document is empty"));
  CHECK_THAT(error_of(doc({kIu}) + "trailing"), StartsWith("t.json:7:1: malformed JSON"));
  // Columns count characters, not bytes: the Hangul before the fault is one column each.
  CHECK_THAT(error_of("{\"format\": \"hallyu/1\", \"entities\": [{\"name\": \"이지은\" \"x\"}]}"),
             StartsWith("t.json:1:52: malformed JSON"));
}

TEST_CASE("invalid UTF-8 is malformed input", "[loader][errors]") {
  std::string text = doc({R"({"id": "a", "kind": "idol", "name": "bad )" + std::string("\xC3\x28") + R"("})"});
  CHECK_THAT(error_of(text), StartsWith("t.json:3:") && Contains("invalid encoding"));
}

TEST_CASE("format tag is required and checked", "[loader][errors]") {
  CHECK(error_of(R"({"format": "hallyu/2"})") == "t.json:1:12: unsupported format 'hallyu/2' (expected \"hallyu/1\")");
  CHECK_THAT(error_of(R"({"entities": []})"), StartsWith("t.json:1:1: missing \"format\""));
  CHECK_THAT(error_of(R"([1, 2])"), StartsWith("t.json:1:1: the top level must be an object"));
  CHECK_THAT(error_of(R"({"format": "hallyu/1", "relation": []})"),
             StartsWith("t.json:1:24: unknown top-level key 'relation' (did you mean 'relations'?)"));
}

TEST_CASE("missing or empty id and name are refused with the entity index", "[loader][errors]") {
  CHECK_THAT(error_of(doc({kIu, R"({"kind": "idol", "name": "X"})"})),
             StartsWith("t.json:4:1: entities[1]: missing \"id\""));
  CHECK_THAT(error_of(doc({R"({"id": "", "kind": "idol", "name": "X"})"})),
             StartsWith("t.json:3:8: entities[0]") && Contains("id must not be empty"));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol"})"})),
             StartsWith("t.json:3:1: entities[0] (id 'x'): missing \"name\""));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": "  "})"})),
             StartsWith("t.json:3:37: entities[0] (id 'x'): name must not be empty"));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": 5})"})),
             StartsWith("t.json:3:37: entities[0] (id 'x'): 'name' must be a string, not a number"));
}

TEST_CASE("duplicate ids in one file are refused, naming both places", "[loader][errors]") {
  std::string message = error_of(doc({kIu, kLuna, R"({"id": "iu", "kind": "actor", "name": "Other IU"})"}));
  CHECK(message == "t.json:5:8: entities[2]: duplicate id 'iu' (first defined at t.json:3:8)");
}

TEST_CASE("unknown kinds and types suggest the nearest valid one", "[loader][errors]") {
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idle", "name": "X"})"})),
             StartsWith("t.json:3:21: entities[0] (id 'x'): unknown kind 'idle' (did you mean 'idol'?); kinds are idol"));
  CHECK_THAT(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "to": "hotel-del-luna", "type": "acted"})"})),
             StartsWith("t.json:7:48: relations[0]: unknown relation type 'acted' (did you mean 'acted_in'?)"));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "singer", "name": "X"})"})),
             Contains("unknown kind 'singer'") && !Contains("did you mean"));
}

TEST_CASE("endpoint kinds must fit the relation type", "[loader][errors]") {
  std::string message = error_of(doc({kExo, kLuna}, {R"({"from": "exo", "to": "hotel-del-luna", "type": "acted_in"})"}));
  CHECK(message ==
        "t.json:7:10: relations[0] (acted_in): 'exo' is a group, but the 'from' of acted_in must be an idol or actor");
  CHECK_THAT(error_of(doc({kIu, kExo}, {R"({"from": "exo", "to": "iu", "type": "member_of"})"})),
             StartsWith("t.json:7:10: relations[0] (member_of): 'exo' is a group, but the 'from' of member_of must be an idol"));
  CHECK_THAT(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "to": "hotel-del-luna", "type": "signed_to"})"})),
             StartsWith("t.json:7:22:") && Contains("'to' of signed_to must be an agency"));
}

TEST_CASE("dangling references are refused with a suggestion", "[loader][errors]") {
  CHECK(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "to": "hotel-dl-luna", "type": "acted_in"})"})) ==
        "t.json:7:22: relations[0] (acted_in): unknown entity 'hotel-dl-luna' (did you mean 'hotel-del-luna'?)");
  CHECK_THAT(error_of(doc({kLuna}, {R"({"from": "nobody-at-all", "to": "hotel-del-luna", "type": "acted_in"})"})),
             StartsWith("t.json:6:10: relations[0] (acted_in): unknown entity 'nobody-at-all'") && !Contains("did you mean"));
}

TEST_CASE("relation records are checked: fields, self-loops, billing, year, duplicates", "[loader][errors]") {
  CHECK_THAT(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "type": "acted_in"})"})),
             StartsWith("t.json:7:1: relations[0]: missing \"to\""));
  CHECK_THAT(error_of(doc({kIu, kExo}, {R"({"from": "exo", "to": "exo", "type": "collaborated_with"})"})),
             Contains("relation connects 'exo' to itself"));
  CHECK_THAT(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "to": "hotel-del-luna", "type": "acted_in", "billing": "leed"})"})),
             Contains("billing 'leed' is not lead, support or cameo (did you mean 'lead'?)"));
  CHECK_THAT(error_of(doc({kIu, kLuna}, {R"({"from": "iu", "to": "hotel-del-luna", "type": "acted_in", "year": "2019"})"})),
             Contains("'year' must be a whole number"));
  CHECK(error_of(doc({kIu, kLuna}, {kActed, kActed})) ==
        "t.json:8:1: relations[1] (acted_in): duplicate relation (same as relations[0] at t.json:7:1)");
  // The same pair with another role is a second, legitimate relation.
  std::string other_role = R"({"from": "iu", "to": "hotel-del-luna", "type": "acted_in", "role": "Young Man-wol"})";
  CHECK(load(doc({kIu, kLuna}, {kActed, other_role})).relations.size() == 2);
}

TEST_CASE("hostile sizes and characters are refused without cost", "[loader][errors]") {
  std::string huge(1 << 20, 'a');
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": ")" + huge + "\"}"})),
             StartsWith("t.json:3:37: entities[0] (id 'x'): name is 1048576 bytes long; the limit is 512 bytes"));
  CHECK_THAT(error_of(doc({R"({"id": ")" + huge + R"(", "kind": "idol", "name": "x"})"})),
             Contains("id is 1048576 bytes long; the limit is 128 bytes"));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": "a\u0000b"})"})),
             Contains("contains control or bidirectional-override characters"));
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": "evil\u202Eeman"})"})),
             Contains("bidirectional-override"));
  CHECK_THAT(error_of(doc({R"({"id": "x y", "kind": "idol", "name": "X"})"})), Contains("must not contain spaces"));
  // Attribute keys are printed by `show` like names: no controls or bidi overrides in them either.
  CHECK_THAT(error_of(doc({R"({"id": "x", "kind": "idol", "name": "X", "a\u001b[2J": 1})"})),
             Contains("entities[0] (id 'x'): key 'a\\u001b[2J' contains control or bidirectional-override characters"));
  // A million nested arrays stop at the depth limit instead of exhausting the stack or memory.
  std::string deep = R"({"format": "hallyu/1", "meta": )" + std::string(1000000, '[');
  CHECK_THAT(error_of(deep), Contains("nested deeper than 16 levels"));
  CHECK_THAT(error_of(std::string(1000000, '[')), StartsWith("t.json:1:1: the top level must be an object"));
  // Garbage of many megabytes fails at its first byte.
  std::string garbage(32 << 20, '\x9c');
  CHECK_THAT(error_of(garbage), StartsWith("t.json:1:1: malformed JSON"));
}

TEST_CASE("several files merge by id", "[loader][merge]") {
  std::string a = doc({kIu, kLuna}, {kActed});
  std::string b = doc({R"({"id": "iu", "kind": "idol", "name": "IU", "aliases": ["아이유"], "debut_year": 2008})", kExo},
                      {kActed, R"({"from": "iu", "to": "exo", "type": "collaborated_with", "work": "x"})"});
  Dataset d = load_dataset({{"a.json", a}, {"b.json", b}});
  REQUIRE(d.entities.size() == 3);
  CHECK(d.entities[0].aliases == std::vector<std::string>{"이지은", "아이유"});
  CHECK(d.entities[0].attributes.size() == 2);  // birth_year from a, debut_year from b
  CHECK(d.relations.size() == 2);               // the repeated acted_in is one fact
  CHECK(d.sources == std::vector<std::string>{"a.json", "b.json"});
}

TEST_CASE("merging refuses disagreements about kind, name and attributes", "[loader][merge][errors]") {
  std::string a = doc({kIu});
  CHECK(error_of({{"a.json", a}, {"b.json", doc({R"({"id": "iu", "kind": "actor", "name": "IU"})"})}}) ==
        "b.json:3:22: entities[0]: 'iu' is an actor here but an idol at a.json:3:22; entities merged by id must agree on kind");
  CHECK_THAT(error_of({{"a.json", a}, {"b.json", doc({R"({"id": "iu", "kind": "idol", "name": "Lee Ji-eun"})"})}}),
             StartsWith("b.json:3:38: entities[0]: 'iu' is named 'Lee Ji-eun' here but 'IU' at a.json:3:38"));
  CHECK_THAT(error_of({{"a.json", a}, {"b.json", doc({R"({"id": "iu", "kind": "idol", "name": "IU", "birth_year": 1994})"})}}),
             StartsWith("b.json:3:1:") && Contains("attribute 'birth_year' of 'iu' is '1994' here but '1993'"));
  // A relation may point into another file.
  CHECK(load_dataset({{"a.json", doc({kIu})}, {"b.json", doc({kLuna}, {kActed})}}).relations.size() == 1);
}

TEST_CASE("the alias limit holds after merging files", "[loader][merge][errors]") {
  auto aliases = [](int from, int count) {
    std::string out;
    for (int i = from; i < from + count; ++i) out += (out.empty() ? "\"a" : ", \"a") + std::to_string(i) + "\"";
    return out;
  };
  auto file = [&](int from, int count) {
    return doc({R"({"id": "iu", "kind": "idol", "name": "IU", "aliases": [)" + aliases(from, count) + "]}"});
  };
  // 40 + 40 with 16 shared: 64 once merged, the limit.
  CHECK(load_dataset({{"a.json", file(0, 40)}, {"b.json", file(24, 40)}}).entities[0].aliases.size() == 64);
  // 40 + 40 with 15 shared: 65.
  CHECK_THAT(error_of({{"a.json", file(0, 40)}, {"b.json", file(25, 40)}}),
             StartsWith("b.json:3:1: entities[0]: 'iu' has more than 64 aliases once merged with a.json:3:1"));
}

TEST_CASE("unreadable files are named in the error", "[loader][errors]") {
  CHECK_THROWS_WITH(hallyu::io::load_dataset_files({"/nonexistent/x.json"}),
                    StartsWith("/nonexistent/x.json: cannot open"));
  CHECK_THROWS_WITH(hallyu::io::load_dataset_files({HALLYU_FIXTURES}), Contains("is a directory"));
}

TEST_CASE("load progress rises to the total", "[loader]") {
  std::string entities;
  for (int i = 0; i < 70000; ++i) entities += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "kind": "idol", "name": "E"})";
  std::string text = R"({"format": "hallyu/1", "entities": [)" + entities + "]}";
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  hallyu::io::load_dataset({{"t.json", text}}, {}, [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
  REQUIRE(calls.size() >= 2);  // one after 65,536 records, one at the end
  for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first >= calls[i - 1].first);
  CHECK(calls.front().first < text.size());
  CHECK(calls.back() == std::make_pair(text.size(), text.size()));
}

TEST_CASE("read_file reads past the size stat() reports: files that grew, and /proc's", "[loader]") {
  // /proc files are regular files of size 0 that hold text: every byte comes after the stat() size,
  // in more than one chunk for smaps (hundreds of KiB for this process).
  std::string smaps = hallyu::io::read_file("/proc/self/smaps");
  CHECK(smaps.size() > 65536);
  CHECK(smaps.back() == '\n');
  CHECK(smaps.find(" rw-p ") != std::string::npos);
  std::string cmdline = hallyu::io::read_file("/proc/self/cmdline");
  CHECK(cmdline.find("hallyu_tests") != std::string::npos);
}
