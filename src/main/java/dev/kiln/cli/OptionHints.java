package dev.kiln.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.List;
import java.util.Map;

/**
 * What to say of an option a command does not know: the option of Kiln's that Jekyll's or Hugo's flag stands for
 * ({@code -D: Hugo's and Jekyll's -D is --drafts}), what Kiln does instead of a flag it needs not
 * ({@code --watch}: kiln serve rebuilds on every save), or the option it is a small typo of ({@code --baseurl}: did
 * you mean --base-url?). Habits of the generators a blogger comes from, met at the moment they are typed.
 */
final class OptionHints {

    private OptionHints() {}

    /** A flag of Jekyll's or Hugo's, whose they are, and the long option of Kiln's that does the same. */
    private record Other(String whose, String option) {}

    private static final String BOTH = "Hugo's and Jekyll's";

    /** Jekyll's ({@code jekyll build --help}, {@code jekyll serve --help}) and Hugo's flags that Kiln spells otherwise. */
    private static final Map<String, Other> OTHERS = Map.ofEntries(
            Map.entry("-D", new Other(BOTH, "drafts")),
            Map.entry("--buildDrafts", new Other("Hugo's", "drafts")),
            Map.entry("--unpublished", new Other("Jekyll's", "drafts")),
            Map.entry("-F", new Other("Hugo's", "future")),
            Map.entry("--buildFuture", new Other("Hugo's", "future")),
            Map.entry("-d", new Other(BOTH, "dest")),
            Map.entry("--destination", new Other(BOTH, "dest")),
            Map.entry("-s", new Other(BOTH, "source")),
            Map.entry("-b", new Other(BOTH, "base-url")),
            Map.entry("--baseURL", new Other("Hugo's", "base-url")),
            Map.entry("--baseurl", new Other("Jekyll's", "base-url")),
            Map.entry("-P", new Other("Jekyll's", "port")),
            Map.entry("-p", new Other("Hugo's", "port")),
            Map.entry("-H", new Other("Jekyll's", "host")),
            Map.entry("--bind", new Other("Hugo's", "host")));

    /**
     * The hint for {@code given} (an option as typed, maybe with {@code =value}) on the command {@code words} whose
     * options are {@code options}, or null when there is none to give.
     */
    static String of(String given, String words, Options options) {
        String flag = name(given);
        switch (flag) {
            case "-w", "--watch" -> {
                return words.equals("serve") ? "kiln serve rebuilds on every save without it: leave it out"
                        : words.equals("build") ? "kiln build builds once; kiln serve rebuilds on every save" : null;
            }
            case "-l", "--livereload" -> {
                return words.equals("serve") ? "kiln serve always reloads the open pages: leave it out"
                        : words.equals("build") ? "kiln serve reloads the open pages on every save" : null;
            }
            case "--config" -> {
                return options.hasLongOption("source") ? BOTH + " --config has no counterpart: Kiln reads its settings"
                        + " from site.yml in the site folder (--source DIR) and from no other file: write them there"
                        + " (README's Coming from Hugo maps hugo.toml's keys to site.yml's)" : null;
            }
            case "--minify" -> {
                return words.equals("build") || words.equals("serve")
                        ? "Hugo's --minify has no counterpart: Kiln does not minify the pages it writes: leave it out"
                        : null;
            }
            default -> { }
        }
        Other other = OTHERS.get(flag);
        if (other != null && options.hasLongOption(other.option())) {
            return other.whose() + " " + flag + " is --" + other.option();
        }
        if (flag.startsWith("--")) {
            List<String> names = options.getOptions().stream().map(Option::getLongOpt).toList();
            String nearest = Main.nearest(flag.substring(2).replace('_', '-'), names);
            if (nearest != null) {
                return "did you mean --" + nearest + "?";
            }
        }
        return null;
    }

    /** The option {@code given} names, without a value given after {@code =}. */
    static String name(String given) {
        int equals = given.indexOf('=');
        return equals < 0 ? given : given.substring(0, equals);
    }
}
