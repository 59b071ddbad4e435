package dev.bulwark.sca.inventory;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for the XML manifests (pom.xml, Gradle verification metadata): line numbers come
 * from the reader's location; DTDs and external entities are off, since the files are untrusted.
 */
final class Xml {
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
  }

  private Xml() {}

  /** A reader that honours the encoding the XML declaration names (e.g. iso-8859-1). */
  static XMLStreamReader reader(byte[] content) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
  }

  /** The attribute's value, "" when absent. */
  static String attribute(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v.trim();
  }

  /** A parsed element with its attributes and the line where it starts; enough of a DOM for pom.xml and MSBuild files. */
  record Element(String name, String text, List<Element> children, int line, java.util.Map<String, String> attributes) {
    /** The attribute's trimmed value, "" when absent. */
    String attribute(String attributeName) {
      return attributes.getOrDefault(attributeName, "").trim();
    }

    Element child(String childName) {
      for (Element c : children) {
        if (c.name().equals(childName)) {
          return c;
        }
      }
      return null;
    }

    /** Children of the first child named {@code childName} (e.g. dependencies/dependency). */
    List<Element> all(String childName, String grandChildName) {
      Element c = child(childName);
      return c == null ? List.of() : c.children().stream().filter(g -> g.name().equals(grandChildName)).toList();
    }

    /** Trimmed text of a child, "" when absent. */
    String text(String childName) {
      Element c = child(childName);
      return c == null ? "" : c.text().trim();
    }
  }

  /** Parses the whole document into {@link Element}s. */
  static Element parse(byte[] content) throws XMLStreamException {
    XMLStreamReader r = reader(content);
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) {
        return element(r);
      }
    }
    throw new XMLStreamException("no root element");
  }

  private static Element element(XMLStreamReader r) throws XMLStreamException {
    String name = r.getLocalName();
    int line = r.getLocation().getLineNumber();
    var attributes = new java.util.LinkedHashMap<String, String>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    var text = new StringBuilder();
    var children = new ArrayList<Element>();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        children.add(element(r));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        return new Element(name, text.toString(), List.copyOf(children), line, java.util.Map.copyOf(attributes));
      }
    }
  }
}
