/* fuzz_script.c — libFuzzer target for whole scripts through the door
 * `decarb check` uses: each input is written to a file and given to
 * dc_cmd_check (vm/cmd_check.c), which loads it in a fresh sandboxed host
 * (1 s, 64 MiB), runs it, evaluates every plan and writes the JSON report
 * (to /dev/null). Any bytes must end in an exit code with a message, never a
 * crash or a sanitizer report. The watchdog's exit(5) for a script that does
 * not stop is a limit, not a crash: run with -timeout_exitcode=5 (run.sh). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "host.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[512], path[600];

static void cleanup(void) {
  unlink(path);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *base = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/decarb-fuzz-XXXXXX", base && strlen(base) < 400 ? base : "/tmp");
  if (!mkdtemp(dir)) abort();
  snprintf(path, sizeof path, "%s/f.lua", dir);
  atexit(cleanup);
  if (!freopen("/dev/null", "w", stdout)) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f) != 0) abort();
  dc_host_opts o = {0};
  o.timeout = 1;
  o.max_mem = (size_t)64 << 20;
  char *argv[] = {"check", "--format", "json", path, NULL};
  int code = dc_cmd_check(4, argv, &o);
  if (code < 0 || code > 5) __builtin_trap(); /* not an exit code decarb documents */
  return 0;
}
