-- nor read the environment
print(os.getenv("HOME"))
