// hallyu: the command-line explorer. main only dispatches; each subcommand lives in its own file.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include "common.hpp"
#include "hallyu/error.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/text.hpp"

namespace {

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "hallyu: %s\n", hallyu::text::one_line(message).c_str());
  return code;
}

// Standard output failed (a full disk, a closed pipe, /dev/full): flush it and ask both stdio and
// std::cout, since a command's output may have gone through either.
bool output_failed() {
  std::cout.flush();
  bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout;
  return failed;
}

int dispatch(int argc, char** argv) {
  CLI::App app{"hallyu: explore the graph of K-pop idols, groups, K-dramas, OSTs, agencies and broadcasters"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hallyu 0.1.0");
  hallyu::cli::Registry registry;
  hallyu::cli::register_stats(app, registry);
  hallyu::cli::register_show(app, registry);
  hallyu::cli::register_search(app, registry);
  hallyu::cli::register_neighbors(app, registry);
  hallyu::cli::register_path(app, registry);
  hallyu::cli::register_degrees(app, registry);
  hallyu::cli::register_generate(app, registry);
  hallyu::cli::register_centrality(app, registry);
  hallyu::cli::register_clusters(app, registry);
  hallyu::cli::register_crossovers(app, registry);
  hallyu::cli::register_render(app, registry);
  hallyu::cli::register_serve(app, registry);
  hallyu::cli::register_snapshot(app, registry);
  hallyu::cli::register_query(app, registry);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(2, std::string(e.what()) + " (see hallyu --help)");
  }
  try {
    for (const auto& command : registry) {
      if (command.app->parsed()) {
        return command.run();
      }
    }
    return fail(2, "no command given (see hallyu --help)");
  } catch (const hallyu::query::cypher::QueryError& e) {
    // The place in the query: the message line, then the query line and a caret under the column.
    int code = fail(hallyu::exit_code(e.category()), e.what());
    if (!e.caret().empty()) std::fprintf(stderr, "%s\n", e.caret().c_str());
    return code;
  } catch (const hallyu::Error& e) {
    return fail(hallyu::exit_code(e.category()), e.what());
  } catch (const std::bad_alloc&) {
    return fail(1, "out of memory");
  } catch (const std::exception& e) {
    return fail(1, std::string("internal error: ") + e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  int code = dispatch(argc, argv);
  errno = 0;
  if (output_failed()) {
    int error = errno;
    return code != 0 ? code : fail(2, std::string("cannot write standard output") + (error != 0 ? std::string(": ") + std::strerror(error) : std::string()));
  }
  return code;
}
