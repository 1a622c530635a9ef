package dev.kiln.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * site.yml's {@code emoji: text} on a laid-out page: the codes of the body's text are emoji, as jemoji made them in
 * each page's output; the head, attributes, comments, code and the text of scripts, styles and text areas keep them.
 */
class PageEmojiTest {

    private static String replaced(String html) {
        return new String(PageEmoji.replace(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void theBodysTextIsEmojiAndTheHeadIsAsWritten() {
        assertEquals("<!DOCTYPE html>\n<html><head><title>Shipped :tada:</title>"
                        + "<meta name=\"description\" content=\"Shipped :tada:\"></head>\n"
                        + "<body class=\"k\"><h1>Shipped 🎉</h1><p>a😄b 10:30 :unknown_code: 👍</p></body></html>\n",
                replaced("<!DOCTYPE html>\n<html><head><title>Shipped :tada:</title>"
                        + "<meta name=\"description\" content=\"Shipped :tada:\"></head>\n"
                        + "<body class=\"k\"><h1>Shipped :tada:</h1><p>a:smile:b 10:30 :unknown_code: :+1:</p></body></html>\n"));
    }

    @Test
    void codeScriptsStylesCommentsAndAttributesAreAsWritten() {
        String html = "<body>"
                + "<pre>:tada: <code>:tada:</code> <pre>:tada:</pre> :tada: <b>:tada:</b></pre>:tada:"
                + "<!-- :tada: <b> --><tt>:tada:</tt>"
                + "<script>if (a <b && c > d) s = ':tada:</b>:tada:';</script>"
                + "<style>p::before { content: ':tada:'; }</style>"
                + "<textarea><b>:tada:</b></textarea>"
                + "<a title=\"x > :tada:\" data-x='<p>:tada:' href=/:tada:/>:tada:</a>"
                + "</body>\n:tada:";
        assertEquals(html.replace("</pre>:tada:", "</pre>🎉").replace("/>:tada:", "/>🎉"), replaced(html));
    }

    @Test
    void tagsAreOfAnyCase() {
        String html = "<HTML><HEAD><TITLE>:tada:</TITLE></HEAD><BODY>:tada: <CODE>:tada:</CODE> <Pre>:tada:</PRE> "
                + "<SCRIPT>':tada:'</Script> :smile:</BODY></HTML>";
        assertEquals(html.replace("<BODY>:tada:", "<BODY>🎉").replace(":smile:", "😄"), replaced(html));
    }

    @Test
    void entitiesBesideACodeStayAndACodeWrittenWithOneIsAsWritten() {
        assertEquals("<body>&amp;🎉&lt; &#58;tada: 🎉&nbsp;</body>",
                replaced("<body>&amp;:tada:&lt; &#58;tada: :tada:&nbsp;</body>"));
    }

    @Test
    void aPageWithoutABodyTagIsAllBodyButItsHead() {
        assertEquals("<title>:tada:</title><head><meta content=\":tada:\">:tada:</head><h1>🎉</h1>",
                replaced("<title>:tada:</title><head><meta content=\":tada:\">:tada:</head><h1>:tada:</h1>"));
    }

    @Test
    void aStrayLessThanAndAnEmojiAreText() {
        assertEquals("<body>1 < 2 🎉 a<🎉 😄 <3 🎉</body>", replaced("<body>1 < 2 :tada: a<:tada: 😄 <3 :tada:</body>"));
    }

    @Test
    void aPageWithoutCodesIsTheSameArray() {
        byte[] html = "<body><p>10:30, no code</p><code>:tada:</code></body>".getBytes(StandardCharsets.UTF_8);
        assertSame(html, PageEmoji.replace(html));
    }
}
