package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

/**
 * flexmark's autolinks (bare URLs, {@code www.} and e-mail addresses), linked only where GFM's extended autolinks and
 * Hugo's goldmark (linkify) link them: where the address starts a line or follows white space, {@code *}, {@code _},
 * {@code ~} or {@code (}, or right after another inline element (code, a link, emphasis, a typographic quote or dash:
 * goldmark starts over there, {@code "www.a.b"} is linked by Hugo's typographer). flexmark's own link anything the
 * address scanner finds, glued to a word: {@code 主机www.a.b} and {@code “http://a.b:5000”} were links, the second's
 * closing quote in its href. {@code <...>} autolinks are the inline parser's and not read here; the schemes left out
 * ({@link MarkdownRenderer#ONLY_THE_WEBS_SCHEMES}) stay left out. One per document: it remembers the text node it is
 * processing.
 */
final class GfmAutolinks extends AutolinkNodePostProcessor {

    private Node current;

    GfmAutolinks(Document document) {
        super(document);
    }

    @Override
    public void process(@NotNull NodeTracker state, @NotNull Node node) {
        Node parent = node.getParent();
        Node before = node.getPrevious();
        Node after = node.getNext();
        current = node;
        try {
            super.process(state, node);
        } finally {
            current = null;
        }
        if (parent != null) {
            for (Node n = before == null ? parent.getFirstChild() : before.getNext(); n != null && n != after; n = n.getNext()) {
                endAtTextAfter(state, n);
            }
        }
    }

    /**
     * Ends the bare URLs at or below {@code n} (the nodes one text node became) before the first character that ends
     * a URL in prose ({@link #endsUrl}), the rest of it made text: {@code 访问 https://example.com。更多} linked
     * {@code https://example.com。更多}, an address no server has.
     */
    private static void endAtTextAfter(NodeTracker state, Node n) {
        BasedSequence text;
        if (n instanceof AutoLink link && link.getOpeningMarker().isEmpty()) {
            text = link.getText();
        } else if (n instanceof MailLink mail && mail.getOpeningMarker().isEmpty()) {
            text = mail.getText(); // foo@example.com。更多 too, as Hugo ends it
        } else {
            if (!(n instanceof AutoLink || n instanceof MailLink)) { // <http://...>: to the last character, as written
                for (Node child = n.getFirstChild(); child != null; child = child.getNext()) {
                    endAtTextAfter(state, child);
                }
            }
            return;
        }
        int end = urlEnd(text);
        if (end == text.length()) {
            return;
        }
        while (end > 0 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            end--; // as autolink-java leaves a sentence's full stop out of the link
        }
        BasedSequence kept = text.subSequence(0, end);
        Text rest = new Text(text.subSequence(end));
        String address = kept.toString();
        if (address.indexOf('.', Math.max(0, address.indexOf('@'))) < 0) { // nothing of an address left (http://。)
            Text all = new Text(text);
            n.insertBefore(all);
            n.unlink();
            state.nodeRemoved(n);
            state.nodeAdded(all);
            return;
        }
        if (n instanceof AutoLink link) {
            link.setText(kept);
            link.setUrlChars(kept);
        } else {
            ((MailLink) n).setText(kept);
        }
        n.removeChildren();
        n.appendChild(new Text(kept));
        n.setCharsFromContent();
        n.insertAfter(rest);
        state.nodeAdded(rest);
    }

    /** ASCII punctuation that autolink-java and GFM leave out of a link's end. */
    private static final String TRAILING = "?!.,:;*_~'\"";

    /** The length of {@code text}'s start up to the first character that ends a URL. */
    static int urlEnd(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (endsUrl(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return text.length();
    }

    /**
     * Whether {@code c}, right after a bare URL, ends it: a character outside ASCII that is punctuation, a symbol or a
     * space ({@code 。}, {@code ，}, {@code —}, {@code ”}, an emoji), or the writing of Chinese, Japanese or Korean, whose
     * text follows a URL with no space. Hugo's goldmark ends a URL at any character outside ASCII; a letter of a
     * European script goes on here, as in GFM, for {@code https://de.wikipedia.org/wiki/Köln}.
     */
    static boolean endsUrl(int c) {
        if (c < 0x80) {
            return false;
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> {
                return true;
            }
            default -> {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                        || script == Character.UnicodeScript.BOPOMOFO;
            }
        }
    }

    @Override
    public boolean isIgnoredLinkPrefix(CharSequence url) {
        return super.isIgnoredLinkPrefix(url) || url instanceof BasedSequence link && !mayStartAt(link, current);
    }

    /** Whether a bare link whose text is {@code link} may start where it does, in the text node {@code node}. */
    static boolean mayStartAt(BasedSequence link, Node node) {
        int at = link.indexOf('@');
        if (at > 0 && link.indexOf(":") < 0 && !link.toString().regionMatches(true, 0, "www.", 0, 4)) { // an e-mail address: its name ASCII, as
            for (int i = 0; i < at; i++) {                                  // goldmark's (了。主机foo@bar.com is text)
                if (link.charAt(i) > 0x7F) {
                    return false;
                }
            }
        }
        int start = link.getStartOffset();
        if (start <= 0) {
            return true;
        }
        if (node != null && start == node.getStartOffset()) {
            Node before = node.getPrevious();
            if (before == null || !(before instanceof Text || before instanceof HtmlEntity)) {
                return true; // a line's start (the first of its block, after a line break), or after code, a link, ...
            }
        }
        char c = link.getBaseSequence().charAt(start - 1);
        // ASCII white space only, as goldmark's and cmark-gfm's: Hugo leaves www.a.b after an ideographic or a no-break
        // space as text.
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || c == '*' || c == '_' || c == '~' || c == '(';
    }

    /** Registers {@link GfmAutolinks} as flexmark registers its autolinks, for the renderer the tests compare with. */
    static final class Extension implements Parser.ParserExtension {

        @Override
        public void parserOptions(MutableDataHolder options) {}

        @Override
        public void extend(Parser.Builder builder) {
            builder.postProcessorFactory(new Factory());
        }
    }

    /** flexmark's factory, making {@link GfmAutolinks}. */
    static final class Factory extends AutolinkNodePostProcessor.Factory {

        @Override
        public @NotNull NodePostProcessor apply(@NotNull Document document) {
            return new GfmAutolinks(document);
        }
    }
}
