-- nor name an absolute path
require "/etc/passwd"
