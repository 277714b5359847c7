// The explorer's JSON API: a table of routes, each parse -> request -> format over the shared request
// layer (query/), with the error category deciding the status.
#include "hallyu/server/api.hpp"

#include "hallyu/error.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/format/query_result.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/query/run_query.hpp"
#include "hallyu/text.hpp"

namespace hallyu::server {
namespace {

constexpr std::size_t kMaxParameterBytes = 1000;

Response json_response(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

template <typename Result>
Response json_of(const query::Engine& engine, const Result& result) {
  return json_response(format::to_json(engine.graph(), result));
}

}  // namespace

const std::vector<Api::Route>& Api::routes() {
  static const std::vector<Route> table = {
      {"/api/stats", query::stats_spec(), true,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::stats(e, query::stats_request(p)));
       }},
      {"/api/search", query::search_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::search(e, query::search_request(p)));
       }},
      {"/api/entity", query::show_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::show(e, query::show_request(p)));
       }},
      {"/api/neighbors", query::neighbors_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::neighbors(e, query::neighbors_request(p)));
       }},
      {"/api/path", query::path_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::path(e, query::path_request(p)));
       }},
      {"/api/degrees", query::degrees_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::degrees(e, query::degrees_request(p)));
       }},
      {"/api/centrality", query::centrality_spec(), true,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt& interrupt) {
         return json_of(e, query::centrality(e, query::centrality_request(p), interrupt));
       }},
      {"/api/clusters", query::clusters_spec(), true,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::clusters(e, query::clusters_request(p)));
       }},
      {"/api/crossovers", query::crossovers_spec(), true,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::crossovers(e, query::crossovers_request(p)));
       }},
      {"/api/query", query::query_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt& interrupt) {
         return json_response(format::query_result_json(e.graph(), query::run_query(e, query::query_request(p), interrupt)));
       }},
      {"/api/timeline", query::timeline_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         return json_of(e, query::timeline(e, query::timeline_request(p)));
       }},
      {"/api/view", query::view_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt& interrupt) {
         return json_of(e, query::view(e, query::view_request(p), interrupt));
       }},
      {"/api/render.svg", query::render_spec(), false,
       [](const query::Engine& e, const query::Parameters& p, const query::Interrupt&) {
         query::RenderRequest request = query::render_request(p);
         if (!request.format.empty() && request.format != "svg") throw UsageError("/api/render.svg draws svg only");
         request.format = "svg";
         Response r;
         r.content_type = "image/svg+xml";
         r.body = query::render_diagram(e, request).bytes;
         return r;
       }},
  };
  return table;
}

Api::Api(const Graph& graph, query::Limits limits) : engine_(graph, limits) {}

std::string Api::cache_key(const Request& request) {
  std::string key = request.path;
  for (const auto& [name, value] : request.params) key += "&" + name + "=" + value;
  return key;
}

std::optional<Response> Api::cached(const Request& request) const {
  // Only answers handle() kept: their route was cacheable and their parameters were checked then.
  std::string key = cache_key(request);
  std::lock_guard<std::mutex> guard(cache_lock_);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  return std::nullopt;
}

Response Api::handle(const Request& request) const {
  const Route* route = nullptr;
  for (const Route& r : routes()) {
    if (r.path == request.path) route = &r;
  }
  try {
    if (!route) throw UsageError("no such endpoint: " + text::quote(request.path, 100), ErrorCategory::not_found);
    for (const auto& [name, value] : request.params) {
      if (value.size() > kMaxParameterBytes)
        throw UsageError("parameter '" + text::one_line(name, 40) + "' is too long");
    }
    query::Parameters parameters(request.params);
    parameters.check_known(route->spec);
    query::Interrupt interrupt = query::Interrupt::within(engine_.limits().time_budget, request.client_gone);
    if (!route->cached) return route->run(engine_, parameters, interrupt);
    // Whole-graph answers are the same for the same parameters: keep recent ones.
    std::string key = cache_key(request);
    {
      std::lock_guard<std::mutex> guard(cache_lock_);
      if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    Response response = route->run(engine_, parameters, interrupt);
    std::lock_guard<std::mutex> guard(cache_lock_);
    if (cache_.size() > 64) cache_.clear();
    cache_.emplace(key, response);
    return response;
  } catch (const query::cypher::QueryError& e) {
    Response r = error_response(http_status(e.category()), e.what(), {});
    if (e.has_position()) {
      // {"error", "line", "column", "caret"}: the place in the query, for the page to point at.
      format::JsonWriter out;
      out.start_object();
      out.key("error"), out.string(e.what());
      out.key("line"), out.integer(static_cast<long long>(e.position().line));
      out.key("column"), out.integer(static_cast<long long>(e.position().column));
      out.key("caret"), out.string(e.caret());
      out.end_object();
      r.body = out.str();
    }
    return r;
  } catch (const Error& e) {
    const auto* named = dynamic_cast<const NameError*>(&e);
    return error_response(http_status(e.category()), e.what(), named ? named->candidates() : std::vector<VertexId>{});
  } catch (const std::bad_alloc&) {
    return error_response(500, "out of memory", {});
  } catch (const std::exception& e) {
    return error_response(500, std::string("internal error: ") + e.what(), {});
  }
}

Response Api::error_response(int status, const std::string& message, const std::vector<VertexId>& candidates) const {
  format::JsonWriter out;
  format::write_error(out, engine_.graph(), message, candidates);
  Response r;
  r.status = status;
  r.body = out.str();
  return r;
}

}  // namespace hallyu::server
