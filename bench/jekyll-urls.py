#!/usr/bin/env python3
"""bench/jekyll-urls.py - checks Kiln's idea of Jekyll's URLs against Jekyll itself.

Makes random small Jekyll sites (posts with odd file names, titles, categories, dates and time zones; every
permalink style and placeholder; pages with and without permalinks), builds each with `jekyll build`, imports
it with `kiln import jekyll --allow-url-changes`, builds the import with `kiln build`, and looks for every HTML
file Jekyll wrote at the same path in Kiln's site (a page there, or a redirect page where Kiln cannot keep the
URL). Prints each site's misses and a summary; exits 1 when a file is missing that Kiln could have written.

Each post's body holds random headings, and each site one of kramdown's settings (GFM or kramdown input, a prefix,
stripping): every id Jekyll gave a heading of a page must be on Kiln's page too (a link to a #fragment of an old
page must still reach its heading); exits 1 when one is not. Half the sites use jekyll-redirect-from (Debian:
ruby-jekyll-redirect-from) and give some posts old URLs (`redirect_from`): its redirect pages are HTML files
Jekyll wrote, looked for like the others, and each must send readers where Jekyll's does. Half the sites use
jekyll-feed: every entry id of its feed.xml must be an entry id of Kiln's feed.xml (a feed reader would show an
entry whose id changed as a new post).

Jekyll escapes the values it puts in a URL and names a file by the URL decoded (a permalink's own `a%20b` is the
folder `a b`, a category `pct%20` the folder `pct%20`): the paths compared are the files. Misses Kiln cannot
avoid are counted apart: a path with '#', '?' or a control character (Jekyll keeps them in a category's folder
or an own permalink; a Kiln permalink cannot hold them), or a ':' followed by a letter (a Kiln permalink reads
it as a placeholder). Sites Jekyll writes two files to one URL (the later one silently wins) fail Kiln's build
by design and are counted apart too.

Needs python3, Jekyll (Debian: apt-get install jekyll) and Java; builds target/kiln.jar with ./kiln first.
"""
import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import urllib.parse
import sys
import tempfile
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

STYLES = ['date', 'pretty', 'ordinal', 'none', 'weekdate',
          '/:categories/:year/:month/:day/:title:output_ext', '/:year/:month/:title/', '/blog/:title/',
          '/:year/:i_month/:i_day/:slug.html', '/:short_year/:y_day/:title', '/:categories/:title/',
          '/posts/:slug', '/:year/:month/:day/:title.html', '/:title/', '/:slug/', '/:year/:short_month/:title/',
          '/:year/:long_month/:title/', '/:year/:week/:title/', '/:categories/:slug:output_ext',
          '/:year/:month/:day/:title/', '/:path/', '/:name/', '/:slugified_categories/:title/']
ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'America/St_Johns']
WORDS = ['hello', 'World', 'Java', 'tips', 'café', 'naïve', 'über', '日本', 'c++', 'a.b', 'x_y', 'mix Case', 'déjà vu',
         '100%', 'what?', "it's", 'r&d', 'foo-bar', '--dash--', '_under_', 'end.', 'Ωmega', 'ǅemo', 'ﬁle', 'straße',
         'İstanbul', 'emoji😀', 'a  b', '(paren)', '[sq]', '{cb}', 'x#y', 'q=1', 'comma,x', 'semi;x', 'col:on',
         'at@x', 'tilde~x', 'pct%20', '+plus', 'dollar$', 'cafe\u0301', 'x½²', 're:Invent']
HEADINGS = ['Introduction', 'Part 1 - Setup', 'Step 2: Install', 'Why?', 'C++ & Rust', 'Use `git rebase -i`',
            '*Emphasis* here', '**Bold** move', '_under_ score', 'snake_case_name', '[A link](http://example.com/x)',
            '<em>html</em> tag', 'Café au lait', 'naïve approach', '日本語 見出し', 'Emoji 😀 time', '100% done',
            "What's new", '"Quoted" text', 'A -- B', 'A --- B', 'a...b', '2019 review', '1st place', 'Trailing #',
            'Dots. And. Stops.', '&amp; entity', 'x &lt; y', 'Mixed CASE', 'İstanbul', 'straße', 'Ωmega', 'Slash/path',
            'back\\slash', 'a_b-c d', '(parens)', '[brackets]', '{braces}', 'Key=Value', 'hash#tag', '@mention',
            '~~strike~~', 'Déjà vu', '½ measure', 'x²', 'cafe\u0301', 'Tab\there', '  spaced   out', '-leading dash',
            'trailing dash-', 'ǅemo', 'ﬁle', '__dunder__', 'it’s “curly”', '$dollar', 'a*b*c', '`code` only',
            '[ref link][r]', '![img](/x.png) alt', 'under_score_', 'x<sup>2</sup>', '3.14', '- - -', 'a  -  b',
            '&eacute;t&eacute;', '\\*escaped\\*', 'note[^1]', '**bold _nested_**', 'snake*case*', '<!-- c --> commented',
            '<kbd>Ctrl</kbd>+C', '&#169; 2020', 'x & y', 'a <b', '<https://x.org/a>', 'Σίσυφος ΣΑΣ', '`` a ` b ``',
            'end with ## hashes', 'C#', '[undefined][nope]']
PAGES = ['about.md', 'contact.html', 'docs/index.md', 'docs/guide.md', 'Odd Name.md', 'notes/Ünï côde.md', 'x.y.md']


def yaml_lines(values):
    return ''.join('%s: %s\n' % (k, json.dumps(v, ensure_ascii=False)) for k, v in values.items())


def body(r, i):
    """A post's Markdown: paragraphs and random headings (ATX, closed ATX, setext), some repeated, some with {#id}."""
    out, texts = ['Post %d.' % i, ''], []
    for _ in range(r.randint(0, 8)):
        if texts and r.random() < 0.2:
            text = r.choice(texts)
        else:
            text = ' '.join(r.choice(HEADINGS) for _ in range(r.choice([1, 1, 1, 2, 3])))
            texts.append(text)
        level = r.choice([1, 2, 2, 2, 3, 3, 4, 5, 6])
        if r.random() < 0.05:
            text += ' {#own-id-%d}' % len(out)
        form = r.random()
        if r.random() < 0.1 and level > 1:
            out.append(r.choice(['- ', '> ', '1. ']) + '#' * level + ' ' + text)
        elif form < 0.15 and level <= 2:
            # Not from a list marker: kramdown reads such a setext heading as a heading in a list, CommonMark as
            # a list (a difference of the two dialects, not of ids).
            out += [('Set ' if text.startswith('- ') else '') + text, '=' * 3 if level == 1 else '-' * 3]
        elif form < 0.2:
            out.append('#' * level + ' ' + text + ' ' + '#' * level)
        else:
            out.append('#' * level + ' ' + text)
        out += ['', 'Text after %s.' % r.choice(WORDS), '']
    return '\n'.join(out) + '\n[r]: http://example.com/r\n\n[^1]: A note.\n'


def make_site(seed, src):
    r = random.Random(seed)
    bodies = random.Random(seed + 1000003)  # apart, so that a seed makes the same URLs as before

    def name(n):
        return r.choice(['-', ' ', '_', '.', '--']).join(r.choice(WORDS) for _ in range(n)).replace('/', '-').strip() or 'x'

    os.makedirs(os.path.join(src, '_posts'))
    config = {'title': 'Site %d' % seed, 'permalink': r.choice(STYLES)}
    if r.random() < 0.7:
        config['timezone'] = r.choice(ZONES)
    redirects = bodies.random() < 0.5
    plugins = (['jekyll-redirect-from'] if redirects else []) + (['jekyll-feed'] if bodies.random() < 0.5 else [])
    if plugins:
        config['plugins'] = plugins
        config['url'] = 'https://example.com'
    k = bodies.random()  # kramdown's settings, which make the heading ids
    if k < 0.25:
        config['kramdown'] = {'input': 'kramdown'}
    elif k < 0.35:
        config['kramdown'] = {'auto_id_prefix': 'h-'}
    elif k < 0.4:
        config['kramdown'] = {'input': 'kramdown', 'auto_id_prefix': 'k-', 'auto_id_stripping': True}
    with open(os.path.join(src, '_config.yml'), 'w') as f:
        f.write(yaml_lines(config))
    used = set()
    for i in range(r.randint(4, 12)):
        y, mo, d = r.randint(2012, 2024), r.randint(1, 12), r.randint(2, 27)
        file = '%04d-%02d-%02d-%s.md' % (y, mo, d, name(r.randint(1, 3)))
        if file.lower() in used:
            continue
        used.add(file.lower())
        fm = {'title': name(r.randint(1, 4))}
        if r.random() < 0.5:
            offset = r.choice([' +00:00', ' -08:00', ' +05:30', ' +13:00', ' -03:30', ''])
            fm['date'] = '%04d-%02d-%02d %02d:%02d:00%s' % (y, mo, d + r.choice([0, 0, 1, -1]), r.randint(0, 23),
                                                           r.randint(0, 59), offset)
        c = r.random()
        if c < 0.3:
            fm['categories'] = [name(1) for _ in range(r.randint(1, 2))]
        elif c < 0.45:
            fm['categories'] = name(r.randint(1, 2))
        elif c < 0.55:
            fm['category'] = name(1)
        if r.random() < 0.15:
            fm['slug'] = '%s-%d' % (name(1), i)
        if r.random() < 0.1:
            fm['permalink'] = r.choice(['/custom/%d/' % i, '/custom-%d' % i, 'custom/%d.html' % i,
                                        '/:year/custom-%d/' % i, '/%s-%d/' % (name(1), i)])
        if r.random() < 0.05:
            fm['published'] = False
        if redirects and bodies.random() < 0.3:  # old URLs, as jekyll-redirect-from reads them
            olds = [bodies.choice(['/old-%d/', '/old-%d.html', 'old/%d', '/%d/old page/', '/2010/01/%d/x.htm']) % i
                    for _ in range(bodies.randint(1, 2))]
            fm['redirect_from'] = olds[0] if len(olds) == 1 and bodies.random() < 0.5 else olds
        folder = os.path.join(src, r.choice(['', '', '', 'blog/']) + '_posts', r.choice(['', '', 'Sub Cat', 'news']))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, file), 'w') as f:
            f.write('---\n' + yaml_lines(fm) + '---\n\n' + body(bodies, i))
    for i, page in enumerate(PAGES):
        if r.random() < 0.6:
            fm = {'title': name(2)}
            if r.random() < 0.2:
                fm['permalink'] = r.choice(['/about-%d/', '/about-%d', '/a/b-%d.html', '/100%%-%d/', '/x[%d]/', '/a%%20b-%d/',
                                            '/p q %d/']) % i
            elif r.random() < 0.2:
                fm['permalink'] = r.choice(['/:path/:basename/', '/:basename:output_ext', '/info/:basename/'])
            path = os.path.join(src, page)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write('---\n' + yaml_lines(fm) + '---\n\nPage %s.\n' % page)
    return config


def unavoidable(path):
    return re.search(r'[#?\x00-\x1f\x7f]|:[A-Za-z]', path) is not None


def html_files(root):
    out = set()
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(('.html', '.htm')):
                out.add(os.path.relpath(os.path.join(folder, f), root))
    return out


HEADING_ID = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]*)"')


def heading_ids(page):
    """The ids of a page's h1-h6 headings in order; of a Kiln post only those in its body."""
    with open(page, encoding='utf-8') as f:
        text = f.read()
    start = text.find('post-content">')
    if start >= 0:
        text = text[start:text.index('</article>', start)]
    return [html.unescape(m.group(2)) for m in HEADING_ID.finditer(text)]


REFRESH = re.compile(r'http-equiv="refresh" content="0; ?url=([^"]*)"')


def refresh_target(page):
    """Where a redirect page sends readers (the path, decoded), or None when the page is no redirect."""
    with open(page, encoding='utf-8') as f:
        m = REFRESH.search(f.read())
    return None if m is None else without_origin(m.group(1))


def without_origin(url):
    """The URL decoded, without its scheme and host: a '?' or '#' that Jekyll kept in a path stays in it."""
    return urllib.parse.unquote(re.sub(r'^[a-z]+://[^/]*', '', html.unescape(url)))


FEED_ENTRY = re.compile(r'<entry[^>]*>.*?<link href="([^"]*)".*?<id>([^<]*)</id>', re.S)


def feed_ids(feed):
    """{id: the path of its post} of a feed's entries, ids as written (a feed reader compares them as text)."""
    if not os.path.isfile(feed):
        return None
    with open(feed, encoding='utf-8') as f:
        return {html.unescape(i): without_origin(link) for link, i in FEED_ENTRY.findall(f.read())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--sites', type=int, default=100, help='random sites to check (default 100)')
    ap.add_argument('--first-seed', type=int, default=1, help='seed of the first site (default 1)')
    ap.add_argument('--keep', help='keep the sites, Jekyll\'s and Kiln\'s output in this folder')
    args = ap.parse_args()
    if shutil.which('jekyll') is None:
        sys.exit('jekyll-urls.py: no jekyll on the PATH (Debian: apt-get install jekyll)')
    subprocess.run([os.path.join(REPO, 'kiln'), '--version'], check=True, stdout=subprocess.DEVNULL)
    kiln = ['java', '-XX:TieredStopAtLevel=1', '-cp', os.path.join(REPO, 'target', 'kiln.jar'), 'dev.kiln.cli.Main']
    work = args.keep or tempfile.mkdtemp(prefix='jekyll-urls.')
    totals = dict(sites=0, jekyll_failed=0, kiln_refused=0, checked=0, files=0, found=0, unavoidable=0, missing=0,
                  headings=0, ids_kept=0, ids_changed=0, redirects=0, wrong_redirects=0, redirects_unwritable=0, feed_ids=0,
                  feed_ids_changed=0, feed_ids_unwritable=0)
    try:
        for seed in range(args.first_seed, args.first_seed + args.sites):
            totals['sites'] += 1
            site = os.path.join(work, str(seed))
            shutil.rmtree(site, ignore_errors=True)
            config = make_site(seed, os.path.join(site, 'src'))
            jekyll = subprocess.run(['jekyll', 'build', '-q', '-s', 'src', '-d', 'jekyll-site'], cwd=site,
                                    capture_output=True, text=True, timeout=300)
            if jekyll.returncode != 0:
                totals['jekyll_failed'] += 1
                continue
            imported = subprocess.run(kiln + ['import', 'jekyll', 'src', '--dest', 'kiln-src', '--allow-url-changes'],
                                      cwd=site, capture_output=True, text=True, timeout=300)
            built = subprocess.run(kiln + ['build', '--source', 'kiln-src', '--dest', 'kiln-site'], cwd=site,
                                   capture_output=True, text=True, timeout=300) if os.path.isdir(
                os.path.join(site, 'kiln-src')) else None
            if 'Exception' in imported.stderr or built is not None and 'Exception' in built.stderr:
                print('site %d %s: Kiln threw\n%s%s' % (seed, json.dumps(config), imported.stderr,
                                                        built.stderr if built else ''))
                totals['missing'] += 1
                continue
            if built is None or built.returncode != 0:
                if 'also claimed' in imported.stderr + (built.stderr if built else ''):
                    totals['kiln_refused'] += 1  # Jekyll wrote two files to one URL
                    continue
                print('site %d %s: Kiln did not build it\n%s' % (seed, json.dumps(config), imported.stderr))
                totals['missing'] += 1
                continue
            totals['checked'] += 1
            theirs_ids = feed_ids(os.path.join(site, 'jekyll-site', 'feed.xml'))
            if theirs_ids is not None:  # jekyll-feed: a feed reader must see each entry as the one it knew
                ours_ids = set(feed_ids(os.path.join(site, 'kiln-site', 'feed.xml')) or [])
                totals['feed_ids'] += len(theirs_ids)
                for i, post in theirs_ids.items():
                    if unavoidable(post):
                        totals['feed_ids_unwritable'] += 1  # of a post whose URL Kiln cannot write
                    elif i not in ours_ids:
                        totals['feed_ids_changed'] += 1
                        print('site %d: feed entry id %s is not in Kiln\'s feed (Kiln\'s: %s)' % (seed, i, sorted(ours_ids)))
            ours = html_files(os.path.join(site, 'kiln-site'))
            for f in sorted(html_files(os.path.join(site, 'jekyll-site'))):
                totals['files'] += 1
                if f in ours:
                    totals['found'] += 1
                    theirs_to = refresh_target(os.path.join(site, 'jekyll-site', f))
                    if theirs_to is not None:
                        totals['redirects'] += 1
                        ours_to = refresh_target(os.path.join(site, 'kiln-site', f))
                        # jekyll-redirect-from's target is NFKC-normalised by Addressable (ﬁ is fi, ½ is 1⁄2): where
                        # that changes it, Jekyll's redirect leads to no file, and Kiln's to the page it meant.
                        if unavoidable(theirs_to):
                            totals['redirects_unwritable'] += 1  # to a page whose URL Kiln cannot write
                        elif ours_to is None or unicodedata.normalize('NFKC', ours_to) != theirs_to:
                            totals['wrong_redirects'] += 1
                            print('site %d: %s: Jekyll sends readers to %s, Kiln to %s' % (seed, f, theirs_to, ours_to))
                    theirs, kilns = (heading_ids(os.path.join(site, out, f)) for out in ('jekyll-site', 'kiln-site'))
                    if kilns or not theirs:  # not a redirect page
                        totals['headings'] += len(theirs)
                        kept = set(kilns)
                        changed = [i for i in theirs if i not in kept]
                        totals['ids_kept'] += len(theirs) - len(changed)
                        totals['ids_changed'] += len(changed)
                        if changed:
                            print('site %d: %s: Jekyll\'s heading ids %s not in Kiln\'s page (Kiln\'s: %s)'
                                  % (seed, f, json.dumps(changed, ensure_ascii=False), json.dumps(kilns, ensure_ascii=False)))
                elif unavoidable(f):
                    totals['unavoidable'] += 1
                else:
                    totals['missing'] += 1
                    print('site %d %s: missing %s' % (seed, json.dumps(config), f))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print('%(sites)d sites: Jekyll failed on %(jekyll_failed)d, Kiln refused %(kiln_refused)d (two files at one URL); '
          '%(checked)d checked: of %(files)d HTML files Jekyll wrote, %(found)d are in Kiln\'s site, %(unavoidable)d '
          'have a path Kiln cannot write, %(missing)d are missing; of %(headings)d heading ids on those pages, '
          '%(ids_kept)d are on Kiln\'s page, %(ids_changed)d are not; of %(redirects)d redirect pages Jekyll wrote, '
          '%(redirects_unwritable)d lead to a page whose URL Kiln cannot write, %(wrong_redirects)d send readers '
          'elsewhere in Kiln\'s site; of %(feed_ids)d feed entry ids jekyll-feed wrote, '
          '%(feed_ids_unwritable)d are of a post whose URL Kiln cannot write, %(feed_ids_changed)d are not in Kiln\'s feed'
          % totals)
    sys.exit(1 if totals['missing'] or totals['ids_changed'] or totals['wrong_redirects'] or totals['feed_ids_changed']
             else 0)


if __name__ == '__main__':
    main()
