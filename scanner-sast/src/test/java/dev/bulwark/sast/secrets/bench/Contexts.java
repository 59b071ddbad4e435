package dev.bulwark.sast.secrets.bench;

import java.util.List;

/**
 * The syntaxes a credential is written in, in configuration and code: {@code {i}} is a name
 * (the provider's word), {@code {s}} the secret. Each form names the file it would live in, so
 * rules limited to file types see what they would in a repository.
 */
public record Contexts(String name, String file, String template) {
  public static final List<Contexts> ALL = List.of(
      new Contexts("ini quoted", "settings.ini", "{i}Token=\"{s}\""),
      new Contexts("ini spaced quoted", "settings.ini", "{i}Token = \"{s}\""),
      new Contexts("ini unquoted", "settings.ini", "{i}Token={s}"),
      new Contexts("ini spaced unquoted", "settings.ini", "{i}Token = {s}"),
      new Contexts("dotenv", ".env", "{I}_TOKEN={s}"),
      new Contexts("shell export", "deploy.sh", "export {I}_TOKEN=\"{s}\""),
      new Contexts("json", "config.json", "{\n    \"{i}_token\": \"{s}\"\n}"),
      new Contexts("json escaped", "payload.txt", "\\{\n    \\\"{i}_token\\\": \\\"{s}\\\"\n\\}"),
      new Contexts("xml element", "config.xml", "<{i}Token>{s}</{i}Token>"),
      new Contexts("xml element multiline", "config.xml", "<{i}Token>\n    {s}\n</{i}Token>"),
      new Contexts("yaml plain", "values.yaml", "{i}_token: {s}"),
      new Contexts("yaml single-quoted", "values.yaml", "{i}_token: '{s}'"),
      new Contexts("yaml double-quoted", "values.yaml", "{i}_token: \"{s}\""),
      new Contexts("yaml literal block", "values.yaml", "{i}_token: |\n  {s}"),
      new Contexts("yaml folded block", "values.yaml", "{i}_token: >\n  {s}"),
      new Contexts("C#", "Settings.cs", "string {i}Token = \"{s}\";"),
      new Contexts("go var", "main.go", "var {i}Token string = \"{s}\""),
      new Contexts("go short", "main.go", "{i}Token := \"{s}\""),
      new Contexts("go raw string", "main.go", "{i}Token := `{s}`"),
      new Contexts("java", "Config.java", "String {i}Token = \"{s}\";"),
      new Contexts("kotlin", "Config.kt", "var {i}Token = \"{s}\""),
      new Contexts("php concat", "config.php", "${i}Token .= \"{s}\";"),
      new Contexts("python single", "settings.py", "{i}Token = '{s}'"),
      new Contexts("python double", "settings.py", "{i}Token = \"{s}\""),
      new Contexts("javascript object", "config.js", "const config = { {i}Token: '{s}' };"),
      new Contexts("csv", "secrets.csv", "{i}Token,{s},"),
      new Contexts("logstash", "pipeline.conf", "  \"{i}Token\" => \"{s}\""),
      new Contexts("make recursive", "Makefile", "{I}_TOKEN = \"{s}\""),
      new Contexts("make simple", "Makefile", "{I}_TOKEN := \"{s}\""),
      new Contexts("make conditional", "Makefile", "{I}_TOKEN ?= \"{s}\""),
      new Contexts("make append", "Makefile", "{I}_TOKEN += \"{s}\""),
      new Contexts("toml", "config.toml", "{i}_token = \"{s}\""),
      new Contexts("properties", "application.properties", "{i}.token={s}"),
      new Contexts("cli flag", "README.md", "run --{i}-token {s} --verbose"));

  /** The text with a name and a secret filled in ({@code {I}} is the name in upper case). */
  public String render(String name, String secret) {
    return template.replace("{I}", name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
        .replace("{i}", name).replace("{s}", secret);
  }
}
