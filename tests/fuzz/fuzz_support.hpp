// What the fuzz harnesses share: a crash-on-failure check that output is valid JSON.
#pragma once

#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace hallyu::fuzz {

// Aborts (a finding) when `text` is not one JSON document of valid UTF-8.
inline void require_valid_json(const std::string& text, const char* what) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  if (d.HasParseError()) {
    std::fprintf(stderr, "invalid JSON from %s: %.400s\n", what, text.c_str());
    std::abort();
  }
}

}  // namespace hallyu::fuzz
