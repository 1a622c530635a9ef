package dev.kiln.index;

import dev.kiln.config.SiteConfig;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Atom feeds: the site's latest posts ({@code /feed.xml}) or a tag's ({@code /tags/x/feed.xml}). Entry
 * ids are the posts' absolute URLs, so they stay stable from build to build.
 */
public final class FeedWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FeedWriter() {}

    /**
     * The feed at {@code feedUrl} (root-relative) titled {@code title}, of the newest {@code posts} (already
     * newest first), each entry's HTML given by {@code html} with absolute URLs.
     */
    public static byte[] atom(SiteConfig config, String title, String feedUrl, String pageUrl, List<Page> posts,
                              Function<Page, String> html) {
        List<Page> entries = posts.subList(0, Math.min(posts.size(), config.feed().limit()));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", config.language());
            element(xml, "title", title);
            if (!config.description().isEmpty()) {
                element(xml, "subtitle", config.description());
            }
            link(xml, absolute(config, feedUrl), "self", "application/atom+xml");
            link(xml, absolute(config, pageUrl), "alternate", "text/html");
            element(xml, "updated", ISO.format(entries.isEmpty() ? epoch(config) : updated(entries.get(0))));
            element(xml, "id", id(config, feedUrl));
            author(xml, config);
            xml.writeStartElement("generator");
            xml.writeCharacters("Kiln");
            xml.writeEndElement();
            for (Page post : entries) {
                entry(xml, config, post, html.apply(post));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            bytes.write('\n');
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
    }

    private static void entry(XMLStreamWriter xml, SiteConfig config, Page post, String html) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "title", post.front().title());
        link(xml, absolute(config, post.url()), "alternate", "text/html");
        element(xml, "published", ISO.format(post.front().date()));
        element(xml, "updated", ISO.format(updated(post)));
        element(xml, "id", id(config, post.url()));
        for (String tag : post.front().tags()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", tag);
        }
        if (!post.body().excerptText().isEmpty()) {
            element(xml, "summary", post.body().excerptText());
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeAttribute("xml:base", absolute(config, post.url()));
        xml.writeCharacters(html);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** When a post last changed: its {@code last_modified_at}, else its date. */
    public static ZonedDateTime updated(Page post) {
        return post.front().lastModified() != null ? post.front().lastModified() : post.front().date();
    }

    private static ZonedDateTime epoch(SiteConfig config) {
        return ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, config.timezone());
    }

    private static void author(XMLStreamWriter xml, SiteConfig config) throws XMLStreamException {
        xml.writeStartElement("author");
        element(xml, "name", config.author().isEmpty() ? config.title() : config.author());
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** {@code /x/} as an absolute URL when the site has a base_url, else as it is. */
    public static String absolute(SiteConfig config, String url) {
        return config.rootUrl() + url;
    }

    /** An entry's id: its absolute URL; without a base_url, a URN that is still a valid, stable IRI. */
    private static String id(SiteConfig config, String url) {
        return config.rootUrl().isEmpty() ? "urn:kiln:" + url : config.rootUrl() + url;
    }
}
