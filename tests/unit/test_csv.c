/* test_csv.c — cmocka tests of the RFC 4180 reader (stdlib/csv.c): quoting,
 * BOM, CRLF, empty lines, and every bad input with its message and position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"

static dc_csv *ok(const char *text) {
  dc_csv *c;
  dc_csv_error e;
  if (dc_csv_parse(text, strlen(text), &c, &e) != 0)
    fail_msg("unexpected error %d:%d: %s", e.line, e.col, e.msg);
  return c;
}

static void bad(const char *text, int line, int col, const char *msg) {
  dc_csv *c = (dc_csv *)1;
  dc_csv_error e;
  assert_int_equal(dc_csv_parse(text, strlen(text), &c, &e), -1);
  assert_null(c);
  assert_string_equal(e.msg, msg);
  assert_int_equal(e.line, line);
  assert_int_equal(e.col, col);
}

static void test_plain(void **st) {
  (void)st;
  dc_csv *c = ok("year,wind,solar\n2020,1,2\n2021,3,4\n");
  assert_int_equal(dc_csv_rows(c), 3);
  assert_int_equal(dc_csv_cols(c), 3);
  assert_string_equal(dc_csv_cell(c, 0, 1), "wind");
  assert_string_equal(dc_csv_cell(c, 2, 2), "4");
  assert_null(dc_csv_cell(c, 3, 0));
  assert_null(dc_csv_cell(c, 0, 3));
  assert_int_equal(dc_csv_find(c, "solar"), 2);
  assert_int_equal(dc_csv_find(c, "Solar"), -1);
  int l, k;
  dc_csv_where(c, 2, 1, &l, &k);
  assert_int_equal(l, 3);
  assert_int_equal(k, 6);
  dc_csv_free(c);
  /* no final line end; empty fields kept */
  c = ok("a,b\n,x");
  assert_int_equal(dc_csv_rows(c), 2);
  assert_string_equal(dc_csv_cell(c, 1, 0), "");
  assert_string_equal(dc_csv_cell(c, 1, 1), "x");
  dc_csv_free(c);
  /* a trailing comma is one more (empty) field */
  c = ok("a,b,\n1,2,\n");
  assert_int_equal(dc_csv_cols(c), 3);
  assert_string_equal(dc_csv_cell(c, 0, 2), "");
  dc_csv_free(c);
}

static void test_quotes(void **st) {
  (void)st;
  dc_csv *c = ok("name,note\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\"\nx,y\n");
  assert_int_equal(dc_csv_rows(c), 4);
  assert_string_equal(dc_csv_cell(c, 1, 0), "a, b");
  assert_string_equal(dc_csv_cell(c, 1, 1), "say \"hi\"");
  assert_string_equal(dc_csv_cell(c, 2, 0), "two\nlines");
  assert_string_equal(dc_csv_cell(c, 2, 1), "");
  int l, k;
  dc_csv_where(c, 3, 1, &l, &k); /* after a quoted line break the lines go on */
  assert_int_equal(l, 5);
  assert_int_equal(k, 3);
  dc_csv_free(c);
}

static void test_bom_crlf_blank(void **st) {
  (void)st;
  dc_csv *c = ok("\xEF\xBB\xBFyear,v\r\n2020,1\r\n\r\n2021,\"2\r\n3\"\r\n");
  assert_int_equal(dc_csv_rows(c), 3);
  assert_string_equal(dc_csv_cell(c, 0, 0), "year"); /* BOM not part of the name */
  assert_string_equal(dc_csv_cell(c, 2, 1), "2\r\n3");  /* kept inside quotes */
  int l, k;
  dc_csv_where(c, 2, 0, &l, &k);
  assert_int_equal(l, 4);
  assert_int_equal(k, 1);
  dc_csv_free(c);
  /* UTF-8 names; columns count characters, not bytes */
  c = ok("省,值\n甘肃,0.4772\n");
  assert_string_equal(dc_csv_cell(c, 1, 0), "甘肃");
  dc_csv_where(c, 1, 1, &l, &k);
  assert_int_equal(k, 4);
  dc_csv_free(c);
}

static void test_errors(void **st) {
  (void)st;
  bad("", 1, 1, "no header line (the text is empty)");
  bad("\n\n", 1, 1, "no header line (the text is empty)");
  bad("a,b\n1,2,3\n", 2, 1, "record has 3 fields, the header has 2");
  bad("a,b\n1,2\n3\n", 3, 1, "record has 1 field, the header has 2");
  bad("a,b\n1,x\"y\n", 2, 4,
      "quote inside an unquoted field (quote the whole field and double the quote: \"\"\"\")");
  bad("a,b\n1,\"x\"y\n", 2, 6,
      "unexpected text after a closing quote (expected a comma or a line end)");
  bad("a,b\n1,\"open\n2,3\n", 2, 3, "quoted field opened here is never closed");
  bad("a,b\r1,2\n", 1, 4, "carriage return not followed by a line feed");
  bad("a,b\n1,\xff\n", 2, 3, "invalid UTF-8 byte 0xFF");
  bad("a,b\n\xC3\x28,1\n", 2, 1, "invalid UTF-8 byte 0xC3");
  bad("a,b\n\xED\xA0\x80,1\n", 2, 1, "invalid UTF-8 byte 0xED"); /* a surrogate */
  const char nul[] = "a,b\n1,\0\n";
  dc_csv *c;
  dc_csv_error e;
  assert_int_equal(dc_csv_parse(nul, sizeof nul - 1, &c, &e), -1);
  assert_string_equal(e.msg, "NUL byte in the text");
  assert_int_equal(e.line, 2);
  assert_int_equal(e.col, 3);
}

static void test_file(void **st) {
  (void)st;
  char path[] = "/tmp/dc_csv_testXXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("year,v\n2020,1.5\n", f);
  fclose(f);
  dc_csv *c;
  dc_csv_error e;
  assert_int_equal(dc_csv_read_file(path, &c, &e), 0);
  assert_string_equal(dc_csv_cell(c, 1, 1), "1.5");
  dc_csv_free(c);
  unlink(path);
  assert_int_equal(dc_csv_read_file(path, &c, &e), -1);
  assert_string_equal(e.msg, "cannot open: No such file or directory");
  assert_int_equal(e.line, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain),  cmocka_unit_test(test_quotes),
      cmocka_unit_test(test_bom_crlf_blank), cmocka_unit_test(test_errors),
      cmocka_unit_test(test_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
