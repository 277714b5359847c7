// The import report as JSON (the CLI's --json and the --report file).
#include "hallyu/format/import_report.hpp"

#include "hallyu/format/json_writer.hpp"

namespace hallyu::format {

std::string import_report_json(const query::ImportResult& r) {
  JsonWriter out;
  auto strings = [&](const std::vector<std::string>& items) {
    out.start_array();
    for (const std::string& s : items) out.string(s);
    out.end_array();
  };
  out.start_object();
  out.key("format"), out.string(r.format);
  out.key("files"), strings(r.files);
  out.key("output");
  if (r.output.empty()) {
    out.raw().Null();
  } else {
    out.string(r.output);
  }
  out.key("entities"), out.integer(static_cast<long long>(r.entities));
  out.key("relations"), out.integer(static_cast<long long>(r.relations));
  out.key("by_kind");
  out.start_object();
  for (Kind k : kAllKinds)
    out.key(to_string(k)), out.integer(static_cast<long long>(r.by_kind[static_cast<std::size_t>(k)]));
  out.end_object();
  out.key("by_type");
  out.start_object();
  for (RelationType t : kAllRelationTypes) {
    out.key(to_string(t)), out.integer(static_cast<long long>(r.by_type[static_cast<std::size_t>(t)]));
  }
  out.end_object();
  out.key("skipped"), strings(r.skipped);
  if (r.link) {
    const io::LinkReport& link = *r.link;
    out.key("linked_to"), out.string(r.linked_to);
    out.key("linked");
    out.start_array();
    for (const auto& l : link.linked) {
      out.start_object();
      out.key("incoming"), out.string(l.incoming_id);
      out.key("existing"), out.string(l.existing_id);
      out.key("name"), out.string(l.name);
      out.key("evidence"), strings(l.evidence);
      out.end_object();
    }
    out.end_array();
    out.key("new"), strings(link.created);
    out.key("ambiguous");
    out.start_array();
    for (const auto& a : link.ambiguous) {
      out.start_object();
      out.key("incoming"), out.string(a.incoming_id);
      out.key("name"), out.string(a.name);
      out.key("candidates"), strings(a.candidates);
      out.key("reason"), out.string(a.reason);
      out.end_object();
    }
    out.end_array();
    out.key("left_out"), strings(link.dropped);
  }
  out.end_object();
  return out.str();
}

}  // namespace hallyu::format
