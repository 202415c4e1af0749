// Material's search worker with English stemming that works on what readers type (tests/test_search.py).
// Material adds a trailing wildcard to each typed word, and lunr skips stemming for wildcard words, so with the
// stemmer on, "salary" or "ghosted" found nothing (the index held only "salari", "ghost"). Here the index keeps each
// word as written and its stem, and each typed word also searches for its stem: "rejections" finds "rejected".
// Lives next to Material's worker so that worker's own relative imports still resolve; overrides/main.html points
// the theme at it, passing the name of Material's worker file.
(() => {
  const material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("ati-search: unexpected worker name " + material);
  importScripts(material);
  const lunr = self.lunr, stem = lunr.stemmer, stemOf = word => stem(new lunr.Token(word)).toString();
  // Index both forms: the word as written (matched by the wildcard query) and its stem.
  lunr.stemmer = token => {
    const stemmed = stem(token.clone());
    return stemmed.toString() === token.toString() ? token : [token, stemmed];
  };
  lunr.Pipeline.registerFunction(lunr.stemmer, "stemmer");
  // Search both forms: each optional wildcard word also looks for its stem.
  const query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    return query.call(this, q => {
      build(q);
      for (const c of [...q.clauses]) {
        if (c.usePipeline || !/^[^*]+\*$/.test(c.term) || c.presence !== lunr.Query.presence.OPTIONAL) continue;
        const word = c.term.slice(0, -1), root = stemOf(word);
        if (root && root !== word) q.clause({ ...c, term: root + "*" });
      }
    });
  };
})();
