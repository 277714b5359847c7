// Binary snapshots: a round trip gives back the same dataset; damage of every kind is a DataError
// naming the file, never a crash or a partial graph.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <functional>
#include <random>

#include "../integration/cli_runner.hpp"
#include "../support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/query/show.hpp"
#include "hallyu/query/stats.hpp"
#include "hallyu/io/snapshot.hpp"
#include "hallyu/text.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string snapshot_of(const Graph& g) {
  auto path = test::scratch_dir() / "s.hsnap";
  io::write_snapshot(g, path);
  return test::slurp(path);
}

void same_dataset(const Graph& a, const Graph& b) {
  REQUIRE(a.entity_count() == b.entity_count());
  REQUIRE(a.relation_count() == b.relation_count());
  CHECK(a.sources() == b.sources());
  for (VertexId v = 0; v < a.entity_count(); ++v) {
    const Entity &x = a.entity(v), &y = b.entity(v);
    CHECK((x.id == y.id && x.kind == y.kind && x.name == y.name && x.aliases == y.aliases));
    REQUIRE(x.attributes.size() == y.attributes.size());
    for (std::size_t i = 0; i < x.attributes.size(); ++i) {
      CHECK((x.attributes[i].key == y.attributes[i].key && x.attributes[i].json == y.attributes[i].json));
    }
  }
  for (RelationId r = 0; r < a.relation_count(); ++r) {
    const Relation &x = a.relation(r), &y = b.relation(r);
    CHECK((x.from == y.from && x.to == y.to && x.type == y.type && x.attributes.size() == y.attributes.size()));
  }
}

}  // namespace

TEST_CASE("snapshot round trip gives back the dataset", "[snapshot]") {
  for (const char* name : {"mini.json", "generated_400.json", "crossovers.json"}) {
    INFO(name);
    Graph original(io::load_dataset_files({test::fixture(name)}));
    std::string bytes = snapshot_of(original);
    CHECK(io::is_snapshot(bytes));
    Graph again(io::read_snapshot("s.hsnap", bytes));
    same_dataset(original, again);
  }
}

TEST_CASE("damaged snapshots are refused with the file named", "[snapshot][errors]") {
  Graph g = test::mini_graph();
  std::string good = snapshot_of(g);
  auto error_of = [](const std::string& bytes) {
    try {
      io::read_snapshot("s.hsnap", bytes);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("not a snapshot at all"), StartsWith("s.hsnap: not a hallyu snapshot"));
  CHECK_THAT(error_of(good.substr(0, 12)), Contains("truncated header"));
  CHECK_THAT(error_of(good.substr(0, good.size() - 10)), Contains("checksum mismatch"));
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  CHECK_THAT(error_of(flipped), Contains("checksum mismatch"));
  std::string other_version = good;
  other_version[8] = 9;
  CHECK_THAT(error_of(other_version), Contains("snapshot version 9, this hallyu reads version 2"));
  std::string other_order = good;
  std::swap(other_order[12], other_order[15]);
  CHECK_THAT(error_of(other_order), Contains("another byte order"));
}

TEST_CASE("the CLI snapshots and loads snapshots with the same answers", "[snapshot][cli]") {
  std::string snap = test::scratch_dir() / "mini.hsnap";
  auto made = test::run_hallyu({"snapshot", "--data", test::fixture("mini.json"), "-o", snap, "--json"});
  REQUIRE(made.exit_code == 0);
  auto from_json = test::run_hallyu({"path", "iu", "d-o", "--k", "3", "--json", "--data", test::fixture("mini.json")});
  auto from_snapshot = test::run_hallyu({"path", "iu", "d-o", "--k", "3", "--json", "--data", snap});
  CHECK(from_snapshot.exit_code == 0);
  CHECK(from_snapshot.out == from_json.out);
  auto mixed = test::run_hallyu({"stats", "--data", snap, "--data", test::fixture("mini.json")});
  CHECK(mixed.exit_code == 2);
  CHECK_THAT(mixed.err, Contains("a snapshot loads on its own"));
  std::string damaged = test::write_scratch("damaged.hsnap", test::slurp(snap).substr(0, 100));
  auto bad = test::run_hallyu({"stats", "--data", damaged});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, StartsWith("hallyu: " + damaged + ": damaged snapshot"));
}

namespace {

// The error reading a snapshot of `dataset` (written as is, so a crafted one), or "" when it loads.
std::string crafted_error(Dataset dataset) {
  std::string bytes = snapshot_of(Graph(std::move(dataset)));
  try {
    io::read_snapshot("crafted.hsnap", bytes);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

Dataset small_dataset() {
  Dataset d;
  d.entities.push_back({"iu", Kind::idol, "IU", {"Lee Ji-eun"}, {{"year", "1993"}, {"bio", "\"singer\""}}});
  d.entities.push_back({"luna", Kind::drama, "Hotel del Luna", {}, {}});
  d.relations.push_back({0, 1, RelationType::acted_in, {{"role", "\"Jang Man-wol\""}, {"billing", "\"lead\""}}});
  return d;
}

bool valid_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  return !d.HasParseError();
}

}  // namespace

TEST_CASE("snapshot content is checked like JSON input", "[snapshot][errors]") {
  CHECK(crafted_error(small_dataset()).empty());
  auto with_entity = [](auto change) {
    Dataset d = small_dataset();
    change(d.entities[0]);
    return crafted_error(std::move(d));
  };
  auto with_relation = [](auto change) {
    Dataset d = small_dataset();
    change(d.relations[0]);
    return crafted_error(std::move(d));
  };
  // Attribute text that would have been pasted into JSON output.
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].json = R"(1,"injected":{"admin":true})"; }),
             StartsWith("crafted.hsnap: damaged snapshot: entities[0] (id 'iu'): attribute 'bio' is not well-formed compact JSON"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].json = "{\"k\":}"; }), Contains("not well-formed"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].json = "{ \"k\": 1}"; }), Contains("not well-formed compact JSON"));
  // Endpoints of kinds the type does not allow, at either end (idol -> drama is acted_in, not member_of;
  // drama -> idol is nothing).
  CHECK_THAT(with_relation([](Relation& r) { r.type = RelationType::member_of, r.attributes.clear(); }),
             Contains("relation endpoints of kinds its type does not allow"));
  CHECK_THAT(with_relation([](Relation& r) { std::swap(r.from, r.to); }), Contains("relation endpoints of kinds its type does not allow"));
  CHECK_THAT(with_relation([](Relation& r) { r.attributes[0].json = "\"a\"}"; }),
             Contains("relations[0] (acted_in): attribute 'role' is not well-formed"));
  // At the edges of the shortcut for plain numbers and strings: what it accepts is compact JSON, and
  // what it does not accept still goes through the parse.
  for (const char* good : {"0", "-0", "-12", "\"\"", "\"a/b:c\"", "\"\xec\x9d\xb4\"", "true", "[1,2]"}) {
    INFO(good);
    CHECK(with_entity([&](Entity& e) { e.attributes[1].json = good; }).empty());
  }
  for (const char* bad : {"01", "-", "--1", "1-", "\"", "\"a\"b\"", "\"a\tb\"", "\"a\\\"", "\"\xff\"", "\"a\\x\"", "\"\\u00e9\""}) {
    INFO(bad);
    CHECK_THAT(with_entity([&](Entity& e) { e.attributes[1].json = bad; }), Contains("not well-formed"));
  }
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].json = std::string(17, '[') + std::string(17, ']'); }),
             Contains("nested deeper than 16 levels"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].key = "name"; }), Contains("key 'name' is a field, not an attribute"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].key = "year"; }), Contains("duplicate key 'year'"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[1].key = "b\x1b[2J"; }), Contains("control or bidirectional"));
  // Names, ids and aliases.
  CHECK_THAT(with_entity([](Entity& e) { e.name = "\xff\xfe"; }), Contains("name '\xef\xbf\xbd\xef\xbf\xbd' is not valid UTF-8"));
  CHECK_THAT(with_entity([](Entity& e) { e.name = "IU\u202e"; }), Contains("contains control or bidirectional-override characters"));
  CHECK_THAT(with_entity([](Entity& e) { e.name = ""; }), Contains("name must not be empty"));
  CHECK_THAT(with_entity([](Entity& e) { e.id = "i u"; }), Contains("must not contain spaces"));
  CHECK_THAT(with_entity([](Entity& e) { e.id = std::string(129, 'x'); }), Contains("id is 129 bytes long; the limit is 128"));
  CHECK_THAT(with_entity([](Entity& e) { e.aliases.assign(65, "x"); }), Contains("more than 64 aliases"));
  CHECK_THAT(with_entity([](Entity& e) { e.aliases = {"a\rb"}; }), Contains("alias 'a\\rb' contains control"));
  CHECK_THAT(with_entity([](Entity& e) { e.attributes[0].json = "99999"; }), Contains("'year' must be a whole number between 1800 and 2200"));
  CHECK_THAT(with_relation([](Relation& r) { r.attributes[1].json = "\"star\""; }), Contains("billing 'star' is not lead, support or cameo"));
  std::string bytes = snapshot_of(test::mini_graph());
  // Duplicate ids: the Graph refuses to hold them, so craft the bytes: rename "d-o" to "iu".
  std::string renamed = bytes;
  auto at = renamed.find(std::string("\x03\0\0\0d-o", 7));
  REQUIRE(at != std::string::npos);
  renamed.replace(at, 7, std::string("\x02\0\0\0iu", 6));
  // The entity section is a byte shorter: move the relations' offset (the body's first 8 bytes) back.
  std::uint64_t relations_at;
  std::memcpy(&relations_at, renamed.data() + 24, 8);
  --relations_at;
  std::memcpy(renamed.data() + 24, &relations_at, 8);
  io::reseal_snapshot(renamed);
  // Named by both places, whichever order the check meets them in.
  Graph mini = test::mini_graph();
  VertexId first = std::min(test::id(mini, "iu"), test::id(mini, "d-o"));
  VertexId second = std::max(test::id(mini, "iu"), test::id(mini, "d-o"));
  CHECK_THROWS_WITH(io::read_snapshot("s.hsnap", renamed),
                    "s.hsnap: damaged snapshot: entities[" + std::to_string(second) + "] (id 'iu'): duplicate id (also entities[" +
                        std::to_string(first) + "])");
}

TEST_CASE("JSON output never pastes attribute text raw and escapes what steers a terminal", "[snapshot][escaping]") {
  Dataset d = small_dataset();
  d.entities[0].attributes[1].json = R"(1,"injected":{"admin":true})";  // a Dataset built by hand, unchecked
  d.entities[0].attributes.push_back({"note", "\"\xe2\x80\xae\x1b[31mred\xc2\x9b\xff\""});
  d.entities[0].name = "I\xe2\x80\xaeU\xff";
  Graph g(std::move(d));
  format::JsonWriter out;
  out.entity_full(g, 0);
  std::string text = out.str();
  INFO(text);
  REQUIRE(valid_json(text));
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  CHECK(std::string(doc["attributes"]["bio"].GetString()) == R"(1,"injected":{"admin":true})");
  CHECK_FALSE(doc.HasMember("injected"));
  CHECK(text.find("\\u202E") != std::string::npos);
  CHECK(text.find("\\u001B[31mred\\u009B\xef\xbf\xbd") != std::string::npos);
  CHECK(text.find("I\\u202EU\xef\xbf\xbd") != std::string::npos);
  CHECK(text.find("\xe2\x80\xae") == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("mutated snapshots load cleanly or are refused, output is always valid JSON", "[snapshot][errors][mutation]") {
  // The snapshot records its sources' names: loaded under a fixed name, the bytes (and so which
  // mutations load) do not depend on where the checkout lives.
  Graph original(io::load_dataset({{"mini.json", test::slurp(test::fixture("mini.json"))}}));
  const std::string good = snapshot_of(original);
  std::mt19937 random(20261130);
  const char kInteresting[] = {'\0', '"', '\\', '{', '}', ',', ':', ' ', '\x1b', '\r', '\xff', '\xe2', '\x80', '\xae', '\x7f'};
  int loaded = 0, refused = 0;
  std::string dir = test::scratch_dir().string();
  for (int round = 0; round < 320; ++round) {
    std::string bytes = good;
    int edits = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < edits; ++k) {
      std::size_t at = 24 + random() % (bytes.size() - 24);
      switch (random() % 3) {
        case 0: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (random() % 8))); break;
        case 1: bytes[at] = kInteresting[random() % sizeof kInteresting]; break;
        default: bytes.insert(at, 1, kInteresting[random() % sizeof kInteresting]); break;
      }
    }
    io::reseal_snapshot(bytes);
    INFO("round " << round);
    std::optional<Graph> g;
    try {
      g.emplace(io::read_snapshot("m.hsnap", bytes));
    } catch (const DataError& e) {
      ++refused;
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
      continue;
    }
    ++loaded;
    query::Engine engine(*g);
    REQUIRE(valid_json(format::to_json(*g, query::stats(engine))));
    for (VertexId v = 0; v < g->entity_count(); ++v) {
      std::string entity = format::to_json(*g, query::show(engine, {g->entity(v).id}));
      INFO(entity);
      REQUIRE(valid_json(entity));
      for (const Attribute& a : g->entity(v).attributes) CHECK_FALSE(text::has_forbidden_characters(text::printable(a.json)));
    }
    if (loaded % 4 == 1) {  // and the real binary, now and then
      std::string file = test::write_scratch("m" + std::to_string(round) + ".hsnap", bytes);
      for (std::vector<std::string> args : {std::vector<std::string>{"stats", "--json"}, {"show", g->entity(0).id, "--json"}}) {
        args.push_back("--data"), args.push_back(file);
        auto r = test::run_hallyu(args, 60);
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(valid_json(r.out));
      }
    }
  }
  CHECK(loaded > 30);  // the mutations must exercise the output, not only the checks
  CHECK(refused > 30);
}

TEST_CASE("a big snapshot reads both sections at once, with the same checks and the first problem reported",
          "[snapshot][errors]") {
  // 3,000 entities and 100,000 relations: a relations section over the 1 MiB above which it is read on
  // a second thread.
  auto big = [] {
    Dataset d;
    for (int i = 0; i < 2500; ++i) d.entities.push_back({"idol-" + std::to_string(i), Kind::idol, "Idol", {}, {}});
    for (int g = 0; g < 500; ++g) d.entities.push_back({"group-" + std::to_string(g), Kind::group, "Group", {}, {}});
    for (std::uint32_t r = 0; r < 100000; ++r) {
      d.relations.push_back({r % 2500, 2500 + (r * 7919) % 500, RelationType::member_of, {{"since", std::to_string(2000 + r % 20)}}});
    }
    return d;
  };
  Graph original(big());
  Graph again(io::read_snapshot("big.hsnap", snapshot_of(original)));
  same_dataset(original, again);
  for (RelationId r = 0; r < original.relation_count(); r += 997) CHECK(again.relation(r).attributes[0].json == original.relation(r).attributes[0].json);
  auto wrong_kinds = [](Relation& r) { std::swap(r.from, r.to); };
  auto bad_json = [](Relation& r) { r.attributes[0].json = "{ \"k\": 1}"; };  // not compact JSON
  auto with = [&](auto change_entity, std::vector<std::pair<std::size_t, std::function<void(Relation&)>>> changes) {
    Dataset d = big();
    change_entity(d.entities[1500]);
    for (auto& [at, change] : changes) change(d.relations[at]);
    return crafted_error(std::move(d));
  };
  auto keep = [](Entity&) {};
  CHECK_THAT(with(keep, {{90000, wrong_kinds}}), Contains("relations[90000] (member_of): relation endpoints of kinds its type does not allow"));
  CHECK_THAT(with(keep, {{90000, bad_json}}), Contains("relations[90000] (member_of): attribute 'since' is not well-formed"));
  // The first in file order, whichever check (and thread) finds it.
  CHECK_THAT(with(keep, {{50000, wrong_kinds}, {70000, bad_json}}), Contains("relations[50000] (member_of): relation endpoints"));
  CHECK_THAT(with(keep, {{50000, bad_json}, {70000, wrong_kinds}}), Contains("relations[50000] (member_of): attribute"));
  CHECK_THAT(with([](Entity& e) { e.name = "a\x1b" "b"; }, {{10, bad_json}}), Contains("entities[1500] (id 'idol-1500'): "));
}
