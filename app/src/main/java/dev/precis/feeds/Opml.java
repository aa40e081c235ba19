package dev.precis.feeds;

import dev.precis.text.PortableText;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * OPML 1.0/2.0 subscription lists, the format feed readers exchange: read with StAX with DTDs and external
 * entities off, written as OPML 2.0. Folders (nested outlines) are flattened on import. A title is one line
 * of {@link PortableText portable} text on both ways, so what is written reads back the same, whatever a
 * feed called itself.
 */
public final class Opml {

    /** One subscription: the feed's URL, its title and its site, the last two possibly {@code null}. */
    public record Subscription(String feedUrl, String title, String siteUrl) {
    }

    private Opml() {
    }

    /**
     * The subscriptions of an OPML document: every {@code <outline>} with an {@code xmlUrl}.
     *
     * @throws FeedFormatException when the document is not well-formed OPML or declares a DOCTYPE
     */
    public static List<Subscription> read(String document) throws FeedFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<Subscription> out = new ArrayList<>();
        boolean sawOpml = false;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(document));
            while (xml.hasNext()) {
                int event = next(xml);
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedFormatException("refused: the OPML document declares a DOCTYPE");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("opml")) {
                    sawOpml = true;
                } else if (name.equals("outline")) {
                    String url = FeedParser.resolve(null, attribute(xml, "xmlUrl"));
                    if (url != null) {
                        String title = attribute(xml, "title");
                        if (title == null && !url.equals(attribute(xml, "text"))) {
                            title = attribute(xml, "text");
                        }
                        out.add(new Subscription(url, oneLine(title),
                                FeedParser.resolve(null, attribute(xml, "htmlUrl"))));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new FeedFormatException("malformed OPML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (!sawOpml) {
            throw new FeedFormatException("not an OPML document (no <opml> element)");
        }
        return out;
    }

    /**
     * The next parse event. The JDK's parser fails on some malformed documents with an internal
     * error instead of an {@link XMLStreamException} (a control character inside a DOCTYPE it skips
     * throws {@code MissingResourceException} for its missing message); that is malformed input too.
     */
    private static int next(XMLStreamReader xml) throws XMLStreamException {
        try {
            return xml.next();
        } catch (RuntimeException e) {
            throw new XMLStreamException("unreadable XML (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String v = xml.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    /** {@code title} as one line of portable text: line breaks and tabs, which attributes do not keep, become spaces. */
    private static String oneLine(String title) {
        if (title == null) {
            return null;
        }
        String line = PortableText.of(title).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
        return line.isEmpty() ? null : line;
    }

    /** An OPML 2.0 document listing the subscriptions. */
    public static String write(String title, List<Subscription> subscriptions) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters(oneLine(title));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Subscription s : subscriptions) {
                String feedUrl = PortableText.of(s.feedUrl());
                String name = oneLine(s.title());
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                xml.writeAttribute("text", name != null ? name : feedUrl);
                if (name != null) {
                    xml.writeAttribute("title", name);
                }
                xml.writeAttribute("xmlUrl", feedUrl);
                if (s.siteUrl() != null) {
                    xml.writeAttribute("htmlUrl", PortableText.of(s.siteUrl()));
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text + "\n";
    }
}
