package dev.bulwark.sca.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of a Maven {@code settings.xml} that decide where artifacts come from: mirrors
 * ({@code <mirrorOf>} patterns as Maven reads them: {@code *}, {@code external:*}, lists,
 * {@code !id}) and server credentials by id. Encrypted passwords ({@code {...}}) are not
 * decrypted: such a server is used without credentials, and the resolution problem names it.
 * {@code BULWARK_MAVEN_MIRROR} adds a mirror of everything (id {@code bulwark-mirror}) with
 * {@code BULWARK_MAVEN_USERNAME} / {@code BULWARK_MAVEN_PASSWORD}, for CI runners without a
 * settings file.
 */
public record SettingsXml(List<Mirror> mirrors, Map<String, Server> servers) {
  /** A {@code <mirror>}. */
  public record Mirror(String id, String url, String mirrorOf) {}

  /** A {@code <server>}'s credentials. */
  public record Server(String id, String username, String password) {}

  public SettingsXml {
    mirrors = List.copyOf(mirrors);
    servers = Map.copyOf(servers);
  }

  public static SettingsXml none() {
    return new SettingsXml(List.of(), Map.of());
  }

  /** The file's mirrors and servers; none when it does not exist or cannot be read. */
  public static SettingsXml read(Path file) {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    try (InputStream in = Files.newInputStream(file)) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
      var mirrors = new ArrayList<Mirror>();
      for (Element m : children(child(root, "mirrors"), "mirror")) {
        mirrors.add(new Mirror(text(m, "id"), text(m, "url"), text(m, "mirrorOf")));
      }
      var servers = new LinkedHashMap<String, Server>();
      for (Element s : children(child(root, "servers"), "server")) {
        servers.put(text(s, "id"), new Server(text(s, "id"), text(s, "username"), text(s, "password")));
      }
      return new SettingsXml(mirrors, servers);
    } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException e) {
      return none();
    }
  }

  /** These settings with the environment's mirror first, when {@code BULWARK_MAVEN_MIRROR} is set. */
  public SettingsXml withEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("BULWARK_MAVEN_MIRROR", "");
    if (url.isBlank()) {
      return this;
    }
    var m = new ArrayList<Mirror>();
    m.add(new Mirror("bulwark-mirror", url, "*"));
    m.addAll(mirrors);
    var s = new LinkedHashMap<>(servers);
    s.put("bulwark-mirror", new Server("bulwark-mirror", env.getOrDefault("BULWARK_MAVEN_USERNAME", ""),
        env.getOrDefault("BULWARK_MAVEN_PASSWORD", "")));
    return new SettingsXml(m, s);
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    var out = new ArrayList<Element>();
    if (parent != null) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().strip();
  }
}
