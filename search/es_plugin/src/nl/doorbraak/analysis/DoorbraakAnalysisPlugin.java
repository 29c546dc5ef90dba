package nl.doorbraak.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.KpStemmer;

import org.elasticsearch.common.settings.Setting;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Doorbraak's compound splitter (`doorbraak_decompounder`), and — on the module-less test distribution only —
 * the analysis-common filters Doorbraak needs, under the same type names and settings as the real module, so
 * index settings do not differ per environment. A full Elasticsearch already has analysis-common: there the node
 * setting `doorbraak.analysis.common_filters` stays false and only the splitter is registered.
 */
public class DoorbraakAnalysisPlugin extends Plugin implements AnalysisPlugin {

    static final Setting<Boolean> COMMON_FILTERS =
        Setting.boolSetting("doorbraak.analysis.common_filters", false, Setting.Property.NodeScope);

    private final boolean commonFilters;

    public DoorbraakAnalysisPlugin(Settings settings) {
        this.commonFilters = COMMON_FILTERS.get(settings);
    }

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(COMMON_FILTERS);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("doorbraak_decompounder", AnalysisPlugin.requiresAnalysisSettings(DecompounderFactory::new));
        if (commonFilters) {
            filters.put("stemmer", AnalysisPlugin.requiresAnalysisSettings(StemmerFactory::new));
            filters.put("asciifolding", AsciiFoldingFactory::new);
            filters.put("synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFactory::new));
            // Indexes made before doorbraak_decompounder (until they are rebuilt) still open on the test node.
            filters.put("dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings(DictionaryFactory::new));
        }
        return filters;
    }

    static final class StemmerFactory extends AbstractTokenFilterFactory {
        private final String language;

        StemmerFactory(org.elasticsearch.index.IndexSettings is, Environment env, String name, Settings settings) {
            super(name, settings);
            this.language = settings.get("language", settings.get("name", "dutch")).toLowerCase(java.util.Locale.ROOT);
            if (!language.equals("dutch") && !language.equals("dutch_kp")) {
                throw new IllegalArgumentException("doorbraak-analysis supports only the dutch stemmers, not [" + language + "]");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new SnowballFilter(in, language.equals("dutch_kp") ? new KpStemmer() : new DutchStemmer());
        }
    }

    static final class AsciiFoldingFactory extends AbstractTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFoldingFactory(org.elasticsearch.index.IndexSettings is, Environment env, String name, Settings settings) {
            super(name, settings);
            this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ASCIIFoldingFilter(in, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    static final class DictionaryFactory extends AbstractTokenFilterFactory {
        private final CharArraySet words;
        private final int minWord, minSub, maxSub;
        private final boolean onlyLongest;

        DictionaryFactory(org.elasticsearch.index.IndexSettings is, Environment env, String name, Settings settings) {
            super(name, settings);
            this.words = Analysis.getWordSet(env, settings, "word_list");
            this.minWord = settings.getAsInt("min_word_size", 5);
            this.minSub = settings.getAsInt("min_subword_size", 2);
            this.maxSub = settings.getAsInt("max_subword_size", 15);
            this.onlyLongest = settings.getAsBoolean("only_longest_match", false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter(
                in, words, minWord, minSub, maxSub, onlyLongest);
        }
    }

    /** Settings: word_list (the parts), never_split (words kept whole), min_word_size, min_part_size. */
    static final class DecompounderFactory extends AbstractTokenFilterFactory {
        private final CharArraySet parts, never;
        private final int minWord, minPart;

        DecompounderFactory(org.elasticsearch.index.IndexSettings is, Environment env, String name, Settings settings) {
            super(name, settings);
            CharArraySet set = Analysis.getWordSet(env, settings, "word_list");
            if (set == null) {
                throw new IllegalArgumentException("doorbraak_decompounder [" + name + "] needs word_list or word_list_path");
            }
            this.parts = set;
            CharArraySet keep = Analysis.getWordSet(env, settings, "never_split");
            this.never = keep == null ? CharArraySet.EMPTY_SET : keep;
            this.minWord = settings.getAsInt("min_word_size", 8);
            this.minPart = settings.getAsInt("min_part_size", 4);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new CompoundSplitFilter(in, parts, never, minWord, minPart);
        }
    }

    /** Synonyms are parsed with the analysis chain that precedes this filter, as the real module does. */
    static final class SynonymGraphFactory extends AbstractTokenFilterFactory {
        private final Environment env;
        private final Settings settings;
        private final boolean updateable, lenient, expand;

        SynonymGraphFactory(org.elasticsearch.index.IndexSettings is, Environment env, String name, Settings settings) {
            super(name, settings);
            this.env = env;
            this.settings = settings;
            this.updateable = settings.getAsBoolean("updateable", false);
            this.lenient = settings.getAsBoolean("lenient", false);
            this.expand = settings.getAsBoolean("expand", true);
            if (settings.get("synonyms_path") == null && settings.getAsList("synonyms").isEmpty()) {
                throw new IllegalArgumentException("synonym_graph [" + name + "] needs synonyms or synonyms_path");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            throw new IllegalStateException("synonym_graph [" + name() + "] used before its chain was resolved");
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        }

        @Override
        public String getResourceName() {
            return settings.get("synonyms_path");
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexService.IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previous,
            Function<String, TokenFilterFactory> allFilters
        ) {
            Analyzer chain = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String field) {
                    Tokenizer t = tokenizer.create();
                    TokenStream ts = t;
                    for (TokenFilterFactory f : previous) {
                        ts = f.getSynonymFilter().create(ts);
                    }
                    return new TokenStreamComponents(t, ts);
                }

                @Override
                protected Reader initReader(String field, Reader reader) {
                    for (CharFilterFactory c : charFilters) {
                        reader = c.create(reader);
                    }
                    return reader;
                }
            };
            final SynonymMap map;
            try {
                map = parse(chain);
            } catch (IOException | java.text.ParseException e) {
                throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
            }
            final String name = name();
            final AnalysisMode mode = getAnalysisMode();
            final String resource = getResourceName();
            return new TokenFilterFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public TokenStream create(TokenStream in) {
                    return map.fst == null ? in : new SynonymGraphFilter(in, map, false);
                }

                @Override
                public TokenFilterFactory getSynonymFilter() {
                    return IDENTITY_FILTER;
                }

                @Override
                public AnalysisMode getAnalysisMode() {
                    return mode;
                }

                @Override
                public String getResourceName() {
                    return resource;
                }
            };
        }

        private SynonymMap parse(Analyzer chain) throws IOException, java.text.ParseException {
            Reader rules;
            if (settings.get("synonyms_path") != null) {
                rules = Analysis.getReaderFromFile(env, settings.get("synonyms_path"), "synonyms_path");
            } else {
                rules = new StringReader(String.join("\n", settings.getAsList("synonyms")));
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, chain) {
                @Override
                public void add(org.apache.lucene.util.CharsRef input, org.apache.lucene.util.CharsRef output, boolean includeOrig) {
                    // lenient: a rule whose words all vanish in the chain (e.g. stop words) is skipped, not fatal
                    if (lenient == false || (input.length > 0 && output.length > 0)) {
                        super.add(input, output, includeOrig);
                    }
                }
            };
            parser.parse(rules);
            return parser.build();
        }
    }
}
