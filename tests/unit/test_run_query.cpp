// The query language against an independent Cypher engine: every query of tests/fixtures/cypher/
// queries.json runs through query::run_query (the front door the CLI and the API use) and must give
// the rows Kuzu 0.11.3 gave (kuzu_reference.json, made by make_kuzu_reference.mjs; see its README):
// in order where the query orders them, as multisets otherwise, numbers to 1e-9 relative.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "../support.hpp"
#include "hallyu/format/query_result.hpp"
#include "hallyu/query/run_query.hpp"

using namespace hallyu;

namespace {

std::string text_of(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return buffer.GetString();
}

bool same(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsNumber() && b.IsNumber()) {
    double x = a.GetDouble(), y = b.GetDouble();
    return x == y || std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y));
  }
  if (a.IsArray() && b.IsArray()) {
    if (a.Size() != b.Size()) return false;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
      if (!same(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsObject() && b.IsObject()) {
    if (a.MemberCount() != b.MemberCount()) return false;
    for (auto it = a.MemberBegin(); it != a.MemberEnd(); ++it) {
      auto other = b.FindMember(it->name);
      if (other == b.MemberEnd() || !same(it->value, other->value)) return false;
    }
    return true;
  }
  return a == b;
}

// A JSON parameter as a Cypher literal for `name=value` (strings quoted, maps with backticked keys).
std::string literal(const rapidjson::Value& v) {
  if (v.IsString()) {
    std::string out = "'";
    for (char c : std::string(v.GetString())) out += (c == '\'' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out + "'";
  }
  if (v.IsArray()) {
    std::string out = "[";
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) out += (i ? ", " : "") + literal(v[i]);
    return out + "]";
  }
  if (v.IsObject()) {
    std::string out = "{";
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      out += (it == v.MemberBegin() ? "`" : ", `") + std::string(it->name.GetString()) + "`: " + literal(it->value);
    }
    return out + "}";
  }
  return text_of(v);
}

}  // namespace

TEST_CASE("queries give Kuzu's answers", "[cypher][reference]") {
  std::string dir = std::string(HALLYU_FIXTURES) + "/cypher/";
  rapidjson::Document corpus = test::read_json(dir + "queries.json");
  rapidjson::Document reference = test::read_json(dir + "kuzu_reference.json");
  std::map<std::string, std::unique_ptr<Graph>> graphs;
  graphs["bundled"] = std::make_unique<Graph>(io::load_dataset_files({dir + "bundled.json"}));
  graphs["generated"] = std::make_unique<Graph>(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  std::map<std::string, std::unique_ptr<query::Engine>> engines;
  for (auto& [name, graph] : graphs) engines[name] = std::make_unique<query::Engine>(*graph);
  std::size_t compared = 0;
  for (const auto& q : corpus["queries"].GetArray()) {
    std::string name = q["name"].GetString();
    const auto& expected = reference["results"][name.c_str()];
    query::QueryRequest request;
    request.q = q["query"].GetString();
    request.max_rows = 0;
    if (q.HasMember("params")) {
      for (auto it = q["params"].MemberBegin(); it != q["params"].MemberEnd(); ++it) {
        request.params.push_back(std::string(it->name.GetString()) + "=" + literal(it->value));
      }
    }
    std::string dataset = q["dataset"].GetString();
    INFO(name << ": " << request.q);
    std::string json;
    try {
      json = format::query_result_json(engines.at(dataset)->graph(), query::run_query(*engines.at(dataset), request));
    } catch (const std::exception& e) {
      FAIL_CHECK("refused: " << e.what());
      continue;
    }
    rapidjson::Document got;
    got.Parse(json.c_str());
    REQUIRE_FALSE(got.HasParseError());
    const auto& rows = got["rows"];
    const auto& want = expected["rows"];
    CHECK(got["columns"].Size() == expected["columns"].Size());
    if (rows.Size() != want.Size()) {
      FAIL_CHECK("rows: " << rows.Size() << " instead of " << want.Size() << "; got " << text_of(rows).substr(0, 400)
                          << "; Kuzu " << text_of(want).substr(0, 400));
      continue;
    }
    std::vector<std::size_t> got_order(rows.Size()), want_order(want.Size());
    for (std::size_t i = 0; i < got_order.size(); ++i) got_order[i] = want_order[i] = i;
    if (!expected["ordered"].GetBool()) {
      auto by_text = [](const rapidjson::Value& list) {
        return [&list](std::size_t a, std::size_t b) {
          return text_of(list[static_cast<rapidjson::SizeType>(a)]) < text_of(list[static_cast<rapidjson::SizeType>(b)]);
        };
      };
      std::sort(got_order.begin(), got_order.end(), by_text(rows));
      std::sort(want_order.begin(), want_order.end(), by_text(want));
    }
    bool equal = true;
    for (std::size_t i = 0; i < got_order.size() && equal; ++i) {
      const auto& a = rows[static_cast<rapidjson::SizeType>(got_order[i])];
      const auto& b = want[static_cast<rapidjson::SizeType>(want_order[i])];
      if (!same(a, b)) {
        FAIL_CHECK("row " << i << ": got " << text_of(a) << ", Kuzu " << text_of(b));
        equal = false;
      }
    }
    compared += equal;
  }
  CHECK(compared == corpus["queries"].Size());
  WARN(compared << " of " << corpus["queries"].Size() << " queries agree with Kuzu");
}
