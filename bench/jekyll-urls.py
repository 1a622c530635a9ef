#!/usr/bin/env python3
"""bench/jekyll-urls.py - checks Kiln's idea of Jekyll's URLs against Jekyll itself.

Makes random small Jekyll sites (posts with odd file names, titles, categories, dates and time zones; every
permalink style and placeholder; pages with and without permalinks), builds each with `jekyll build`, imports
it with `kiln import jekyll --allow-url-changes`, builds the import with `kiln build`, and looks for every HTML
file Jekyll wrote at the same path in Kiln's site (a page there, or a redirect page where Kiln cannot keep the
URL). Prints each site's misses and a summary; exits 1 when a file is missing that Kiln could have written.

Jekyll escapes the values it puts in a URL and names a file by the URL decoded (a permalink's own `a%20b` is the
folder `a b`, a category `pct%20` the folder `pct%20`): the paths compared are the files. Misses Kiln cannot
avoid are counted apart: a path with '#', '?' or a control character (Jekyll keeps them in a category's folder
or an own permalink; a Kiln permalink cannot hold them), or a ':' followed by a letter (a Kiln permalink reads
it as a placeholder). Sites Jekyll writes two files to one URL (the later one silently wins) fail Kiln's build
by design and are counted apart too.

Needs python3, Jekyll (Debian: apt-get install jekyll) and Java; builds target/kiln.jar with ./kiln first.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

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
PAGES = ['about.md', 'contact.html', 'docs/index.md', 'docs/guide.md', 'Odd Name.md', 'notes/Ünï côde.md', 'x.y.md']


def yaml_lines(values):
    return ''.join('%s: %s\n' % (k, json.dumps(v, ensure_ascii=False)) for k, v in values.items())


def make_site(seed, src):
    r = random.Random(seed)

    def name(n):
        return r.choice(['-', ' ', '_', '.', '--']).join(r.choice(WORDS) for _ in range(n)).replace('/', '-').strip() or 'x'

    os.makedirs(os.path.join(src, '_posts'))
    config = {'title': 'Site %d' % seed, 'permalink': r.choice(STYLES)}
    if r.random() < 0.7:
        config['timezone'] = r.choice(ZONES)
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
        folder = os.path.join(src, r.choice(['', '', '', 'blog/']) + '_posts', r.choice(['', '', 'Sub Cat', 'news']))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, file), 'w') as f:
            f.write('---\n' + yaml_lines(fm) + '---\n\nPost %d.\n' % i)
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
    totals = dict(sites=0, jekyll_failed=0, kiln_refused=0, checked=0, files=0, found=0, unavoidable=0, missing=0)
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
            ours = html_files(os.path.join(site, 'kiln-site'))
            for f in sorted(html_files(os.path.join(site, 'jekyll-site'))):
                totals['files'] += 1
                if f in ours:
                    totals['found'] += 1
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
          'have a path Kiln cannot write, %(missing)d are missing' % totals)
    sys.exit(1 if totals['missing'] else 0)


if __name__ == '__main__':
    main()
