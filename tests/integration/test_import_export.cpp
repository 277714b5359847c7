// hallyu export and import with the real binary: round trips through every format, bad rows, merging
// a file with itself, and (hidden tag, run by CTest when npm installed it) the real kpopnet.json.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "../support.hpp"
#include "cli_runner.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/text.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using hallyu::test::fixture;
using hallyu::test::run_hallyu;
using hallyu::test::RunResult;
using hallyu::test::scratch_dir;
using hallyu::test::slurp;

namespace {

// Entities by id and relations as a multiset, attributes in key order: equal when two files hold the
// same entities, relations and attributes whatever their order.
std::pair<std::vector<std::string>, std::vector<std::string>> canonical(const Dataset& d) {
  auto attributes = [](Attributes a) {
    std::sort(a.begin(), a.end(), [](const Attribute& x, const Attribute& y) { return x.key < y.key; });
    std::string out;
    for (const Attribute& x : a) out += "|" + x.key + "=" + x.json;
    return out;
  };
  std::vector<std::string> entities, relations;
  for (const Entity& e : d.entities) {
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += a + ";";
    entities.push_back(e.id + "|" + std::string(to_string(e.kind)) + "|" + e.name + "|" + aliases +
                       attributes(e.attributes));
  }
  for (const Relation& r : d.relations) {
    relations.push_back(d.entities[r.from].id + ">" + d.entities[r.to].id + "|" + std::string(to_string(r.type)) +
                        attributes(r.attributes));
  }
  std::sort(entities.begin(), entities.end());
  std::sort(relations.begin(), relations.end());
  return {entities, relations};
}

auto canonical_file(const std::string& path) { return canonical(io::load_dataset_files({path})); }

}  // namespace

TEST_CASE("round trips: hallyu/1 -> each format -> import -> hallyu/1 keeps everything", "[export][import]") {
  for (std::string data : {std::string(HALLYU_SOURCE_DIR) + "/datasets/hallyu.json", fixture("generated_400.json")}) {
    INFO(data);
    auto dir = scratch_dir() / ("roundtrip-" + std::filesystem::path(data).stem().string());
    std::filesystem::create_directories(dir);
    auto original = canonical_file(data);
    auto out = [&](const std::string& name) { return (dir / name).string(); };
    REQUIRE(run_hallyu({"export", "--data", data, "-o", out("same.json")}).exit_code == 0);
    CHECK(canonical_file(out("same.json")) == original);
    struct Case {
      std::string format, output, import_format;
      std::vector<std::string> import_extra;
    };
    std::vector<Case> cases = {{"graphml", "g.graphml", "graphml", {}},
                               {"neo4j", "neo4j", "csv", {"--array-delimiter", "\u241F"}},
                               {"csv", "csv", "csv", {}}};
    for (const Case& c : cases) {
      INFO(c.format);
      RunResult exported = run_hallyu({"export", "--data", data, "--format", c.format, "-o", out(c.output)});
      REQUIRE(exported.exit_code == 0);
      std::vector<std::string> args = {"import",      "--format", c.import_format,
                                       out(c.output), "-o",       out(c.format + ".json")};
      args.insert(args.end(), c.import_extra.begin(), c.import_extra.end());
      RunResult imported = run_hallyu(args);
      REQUIRE(imported.exit_code == 0);
      CHECK(canonical_file(out(c.format + ".json")) == original);
    }
    // Formats without an importer: every entity and relation is there.
    for (std::string format : {"gexf", "cypher"}) {
      REQUIRE(run_hallyu({"export", "--data", data, "--format", format, "-o", out("x." + format)}).exit_code == 0);
    }
    std::string cypher = slurp(out("x.cypher"));
    std::size_t nodes = 0, created = 0;
    for (std::size_t at = cypher.find("{id: '"); at != std::string::npos; at = cypher.find("{id: '", at + 1)) ++nodes;
    for (std::size_t at = cypher.find("{a: "); at != std::string::npos; at = cypher.find("{a: ", at + 1)) ++created;
    CHECK(nodes == original.first.size());
    CHECK(created == original.second.size());
    REQUIRE(run_hallyu({"export", "--data", data, "--format", "kuzu", "-o", out("kuzu")}).exit_code == 0);
    CHECK(std::filesystem::exists(out("kuzu/schema.cypher")));
    CHECK(std::filesystem::exists(out("kuzu/copy.cypher")));
  }
}

TEST_CASE("export honours the filters through the engine", "[export]") {
  auto dir = scratch_dir();
  RunResult r = run_hallyu({"export", "--format", "hallyu", "-o", (dir / "idols.json").string(), "--kinds",
                            "idol,group", "--type", "member_of", "--json"});
  REQUIRE(r.exit_code == 0);
  Dataset d = io::load_dataset_files({dir / "idols.json"});
  for (const Entity& e : d.entities) CHECK((e.kind == Kind::idol || e.kind == Kind::group));
  for (const Relation& rel : d.relations) CHECK(rel.type == RelationType::member_of);
  CHECK_THAT(r.out, Contains("\"relations\":" + std::to_string(d.relations.size())));
  RunResult avoided = run_hallyu({"export", "-o", (dir / "no_iu.json").string(), "--avoid", "iu"});
  REQUIRE(avoided.exit_code == 0);
  Dataset without = io::load_dataset_files({dir / "no_iu.json"});
  for (const Entity& e : without.entities) CHECK(e.id != "iu");
  CHECK(run_hallyu({"export", "-f", "gexff", "-o", (dir / "x").string()}).err ==
        "hallyu: unknown export format 'gexff' (did you mean 'gexf'?); formats are graphml, gexf, neo4j, cypher, kuzu, "
        "csv, hallyu\n");
}

TEST_CASE("merging a file with itself changes nothing", "[merge][import]") {
  std::string data = std::string(HALLYU_SOURCE_DIR) + "/datasets/hallyu.json";
  auto dir = scratch_dir();
  RunResult once = run_hallyu({"stats", "--json", "--data", data});
  RunResult twice = run_hallyu({"stats", "--json", "--data", data, "--data", data});
  REQUIRE(once.exit_code == 0);
  auto without_sources = [](std::string s) { return s.substr(0, s.find("\"sources\"")); };
  CHECK(without_sources(once.out) == without_sources(twice.out));
  REQUIRE(run_hallyu({"export", "--data", data, "-o", (dir / "once.json").string()}).exit_code == 0);
  REQUIRE(run_hallyu({"export", "--data", data, "--data", data, "-o", (dir / "twice.json").string()}).exit_code == 0);
  CHECK(slurp(dir / "once.json") == slurp(dir / "twice.json"));
  // And an export merged with its own source again.
  REQUIRE(run_hallyu(
              {"export", "--data", data, "--data", (dir / "once.json").string(), "-o", (dir / "thrice.json").string()})
              .exit_code == 0);
  CHECK(slurp(dir / "once.json") == slurp(dir / "thrice.json"));
}

TEST_CASE("bad rows: file:line:column, exit 2, no output; skip_bad reports them", "[import][errors]") {
  auto dir = scratch_dir();
  std::string nodes = test::write_scratch("bad_nodes.csv",
                                          "id:ID,name,birth_year:int,:LABEL\n"
                                          "a,Alpha,1990,idol\n"
                                          "b,Beta,199O,idol\n"
                                          "c,\"Gamma, G.\",1991,Singer\n");
  std::string output = (dir / "bad.json").string();
  std::filesystem::remove(output);
  RunResult r = run_hallyu({"import", "--format", "csv", nodes, "-o", output});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "hallyu: " + nodes + ":3:8: column 'birth_year:int': not a whole number: '199O'\n");
  CHECK_FALSE(std::filesystem::exists(output));
  RunResult skipped = run_hallyu({"import", "--format", "csv", nodes, "-o", output, "--skip-bad", "--json"});
  REQUIRE(skipped.exit_code == 0);
  CHECK_THAT(skipped.out, Contains("\"entities\":1") && Contains(":4:20: entity 'c': label 'Singer' maps to no kind"));
  // A relation to a missing entity, and GraphML elements by line:column.
  std::string edges = test::write_scratch("bad_edges.csv", ":START_ID,:END_ID,:TYPE\na,zz,member_of\n");
  CHECK_THAT(run_hallyu({"import", "--format", "csv", nodes, edges, "--skip-bad", "--dry-run"}).out,
             Contains("checked"));
  std::filesystem::remove(output);
  std::string graphml = test::write_scratch("bad.graphml",
                                            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                                            "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                                            "<graph edgedefault=\"directed\">\n"
                                            "  <node id=\"x\"><data key=\"k\">idle</data></node>\n"
                                            "</graph></graphml>\n");
  RunResult g = run_hallyu({"import", "--format", "graphml", graphml, "-o", output});
  CHECK(g.exit_code == 2);
  CHECK_THAT(g.err, StartsWith("hallyu: " + graphml + ":4:") &&
                        Contains("GraphML <node id='x'>: kind 'idle' maps to no kind"));
  std::string broken = test::write_scratch("broken.graphml", "<graphml><graph><node id=\"x\"></graph></graphml>\n");
  CHECK_THAT(run_hallyu({"import", "--format", "graphml", broken, "-o", output}).err, Contains("malformed GraphML"));
  CHECK_FALSE(std::filesystem::exists(output));
}

// Hidden: CTest runs it as kpopnet_import once `npm ci --prefix tests/kpopnet` installed the data
// (scripts/test.sh does), and skips it otherwise. The bundled data holds kpopnet.json since
// scripts/merge_kpopnet.py merged it (with links audited by hand); linked again by the rules alone,
// each kpopnet record must find the entity made from it (the one whose `urls` hold its kpopnet
// address) or stay new, never link to a namesake.
TEST_CASE("kpopnet.json links back to the entities merged from it, never to a namesake", "[.kpopnet]") {
  std::string kpopnet = std::string(HALLYU_SOURCE_DIR) + "/tests/kpopnet/node_modules/kpopnet.json/kpopnet.json";
  REQUIRE(std::filesystem::exists(kpopnet));
  auto dir = scratch_dir();
  std::string linked = (dir / "kpopnet_linked.json").string(), report = (dir / "kpopnet_report.json").string();
  RunResult r =
      run_hallyu({"import", "--format", "kpopnet", kpopnet, "--link-bundled", "-o", linked, "--report", report});
  REQUIRE(r.exit_code == 0);
  WARN(r.out);
  std::string bundled = std::string(HALLYU_SOURCE_DIR) + "/datasets/hallyu.json";
  Dataset merged = io::load_dataset_files({bundled, linked});
  Dataset alone = io::load_dataset_files({linked});
  CHECK(alone.entities.size() == 835 + 182 + 130);
  // No fact twice: every (from, to, type) of member_of and signed_to is one relation.
  std::vector<std::string> keys;
  for (const Relation& rel : merged.relations) {
    if (rel.type == RelationType::member_of || rel.type == RelationType::signed_to) {
      keys.push_back(merged.entities[rel.from].id + ">" + merged.entities[rel.to].id +
                     std::string(to_string(rel.type)));
    }
  }
  std::sort(keys.begin(), keys.end());
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
  // Which bundled entity was made from which kpopnet record.
  Dataset bundled_data = io::load_dataset_files({bundled});
  std::map<std::string, std::string> made_from;  // "kpopnet-<id>" -> bundled id
  const std::string kAddress = "https://net.kpop.re/?id=";
  for (const Entity& e : bundled_data.entities) {
    for (const Attribute& a : e.attributes) {
      if (a.key != "urls") continue;
      for (std::size_t at = a.json.find(kAddress); at != std::string::npos; at = a.json.find(kAddress, at + 1)) {
        std::size_t begin = at + kAddress.size();
        made_from["kpopnet-" + a.json.substr(begin, a.json.find('"', begin) - begin)] = e.id;
      }
    }
  }
  CHECK(made_from.size() > 1000);
  rapidjson::Document doc = test::read_json(report);
  std::size_t back = 0;
  std::map<std::string, std::string> links;
  for (const auto& l : doc["linked"].GetArray()) {
    std::string incoming = l["incoming"].GetString(), existing = l["existing"].GetString();
    links[incoming] = existing;
    auto it = made_from.find(incoming);
    if (it == made_from.end()) continue;  // an agency: kpopnet gives it no address
    INFO(incoming << " '" << l["name"].GetString() << "'");
    CHECK(existing == it->second);
    ++back;
  }
  CHECK(back > 1000);
  // Namesakes by name: LOONA's Hyunjin (born 2000 like Stray Kids'), CLASS:y's Jimin (not BTS's or
  // AOA's) and BLACKPINK's Jennie (DIA's Jenny, 제니, was born in 1996 too) each find their own entity.
  CHECK(links["kpopnet-7ntW4E11G-oIPMLFnvoI"] == "hyunjin-loona");
  CHECK(links["kpopnet-QsYv9U85Sx9lyXnk1C3i"] == "jimin-class-y");
  CHECK(links["kpopnet-OS6lclt5gUwEGbVfIjZd"] == "jennie");
  for (const auto& [incoming, existing] : links) {
    INFO(incoming);
    if (existing == "jennie") CHECK(incoming == "kpopnet-OS6lclt5gUwEGbVfIjZd");
    CHECK(existing != "hyunjin");  // Stray Kids' Hyunjin is in no kpopnet group
    CHECK(existing != "jimin-bts");
  }
}
