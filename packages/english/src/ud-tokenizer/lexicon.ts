/**
 * Word lists for the UD tokenizer. They follow the conventions of UD English-EWT (checked against its
 * train split): which abbreviations keep their period, which hyphen prefixes stay glued, which
 * apostrophe-less contractions are split.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Abbreviations that keep their final period (compared case-sensitively). Dotted initialisms (U.S., e.g.,
 * Ph.D.) and single initials (W.) are recognised by pattern, not listed.
 */
export const ABBREVIATIONS = set(`
 Mr. Mrs. Ms. Dr. St. Prof. Gen. Lt. Col. Capt. Sgt. Cpl. Maj. Adm. Gov. Sen. Rep. Reps. Rev. Hon. Pres.
 Jr. Sr. Messrs. Mlle. Mme. Esq. Mt. Ft. Ave. Blvd. Hwy. Dept. Univ. Assn. Bros.
 Inc. Ltd. Co. Corp. Cos. Plc. LLC. Bhd. et. al. etc. vs. cf. approx. viz. esp. incl. misc. resp.
 No. Nos. Vol. Vols. Ch. Sec. Sect. Para. Fig. Figs. Eq. pp. 
 Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
 Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. 
 mins. hr. hrs. yr. yrs. wk. wks. lb. lbs. oz. ft. km. kg. sq. 
 tel. Tel. ext. Ext. Attn. attn. dept. Arrv. arrv. 
 Calif. Conn. Ariz. Colo. Fla. Ga. Kan. Ky. La. Md. Mich. Minn. Neb. Nev.
 Okla. Pa. Tenn. Tex. Va. Vt. Wis. Wyo. Que. Ont. Alta.
 Ph. eg. Ass't. o.k. a.k.a.
`);

/** Abbreviations that may end a sentence: their period is split off before a capitalised word. */
export const SENTENCE_FINAL_ABBREVIATIONS = set(`
 Inc. Ltd. Co. Corp. Cos. Plc. LLC. Bhd. etc. al. Jr. Sr. Esq. Bros.
`);

/** Emoticons kept whole (and split off a word they are glued to, e.g. "great:)"). */
export const EMOTICONS = set(`
 :) :-) :( :-( ;) ;-) :D :-D :P :-P :p :-p :/ :-/ :\\ :-\\ :| :-| :O :-O :o :-o :* :-* :'( :') :-[ :[ :] :-]
 ;D ;P ;p =) =( =D =P =] =[ (: ): (; XD xD X-D <3 </3 ^_^ ^^ ^-^ -_- o_O O_o o.O O.o T_T >:( >:) 8) 8-) B)
 :$ :@ :S :s :x :X :> :< ;] :-)) :)) :(( :-((
`);

/** Emoticons recognised at the end of a word ("great:)"). */
export const GLUED_EMOTICONS = [':-)', ':-(', ':)', ':(', ';-)', ';)', ':D', ':P'];

/** A hyphenated word stays whole after one of these prefixes ("e-mail", "co-workers", "non-profit"). */
export const HYPHEN_PREFIXES = set(`
 e co non pre post re pro anti mid multi ex neo semi sub over micro cross counter inter intra socio psycho
 pan mini un arch self x i
`);

/** Contractions written without an apostrophe, split the EWT way (only where the split is the usual reading). */
export const BARE_CONTRACTIONS: ReadonlyMap<string, readonly number[]> = new Map<string, number[]>([
 // value: lengths of the parts; the last part takes the rest.
 ['dont', [2]], ['didnt', [3]], ['doesnt', [4]], ['isnt', [2]], ['wasnt', [3]], ['arent', [3]], ['werent', [4]],
 ['cant', [2]], ['wont', [2]], ['couldnt', [5]], ['wouldnt', [5]], ['shouldnt', [6]], ['havent', [4]],
 ['hasnt', [3]], ['hadnt', [3]], ['aint', [2]], ['im', [1]], ['ive', [1]], ['youre', [3]], ['youll', [3]],
 ['youve', [3]], ['theyre', [4]], ['thats', [4]], ['theres', [5]], ['whats', [4]], ['hes', [2]],
 ['cannot', [3]], ['gonna', [3]], ['wanna', [3]], ['gotta', [3]], ['outta', [3]],
]);

/** Whole words with letters after digits that stay one token ("1990s", "2nd", "60's"). */
export const NUMBER_WORD_SUFFIX = /^(?:st|nd|rd|th|s|['’`]s)$/i;

/** Letters split off a number ("5pm", "35mm", "10k", "2.5m"). */
export const UNITS = set(`
 am pm a.m. p.m. a.m p.m m k b x f c t p mm cm km kg mg g lb lbs oz ft yd mi hz khz mhz ghz kb mb gb tb
 bn mn hh h hr hrs min mins s sec secs ms kw kwh mw mwh gw v w mph kph kmh percent persons days minutes watt sq
 º °
`);

/** Tokens with a slash that stay whole. */
export const SLASH_WORDS = set(`
 l/c w/o w/ I/C I/S n/a N/A a/c A/C s/he 24/7
`);

/** File extensions: "report.doc" is one token. */
export const FILE_EXTENSIONS = /\.(?:doc|docx|xls|xlsx|ppt|pptx|pdf|txt|rtf|htm|html|php|asp|aspx|jsp|jpg|jpeg|gif|png|bmp|tif|tiff|zip|exe|mp3|mp4|wav|avi|mov|csv|xml|json|url|log|dat)$/i;

/** Top-level domains for bare domain names ("cnn.com", "enron.com/x"). */
export const TLDS = set(`
 com org net edu gov mil int info biz co uk ca de fr au us io tv me ly ru jp in cn nl it es ch se no be at dk fi nz
 za br mx eu asia ie il sg hk kr tw pl cz gr pt ar cl pk ph my th id vn tr ua ro hu sk bg hr si lt lv ee is lu
`);

/**
 * "its" is written for "it's" in web text (EWT splits it as "it|s"); before these words it cannot be the
 * possessive, so it is split.
 */
export const ITS_SPLIT_BEFORE = set(`
  a an the this that my your no not n't really very so too just only also still always never pretty quite
  definitely probably simply now all in on at for from about like as because been being getting going gonna
  got ok okay alright almost already actually gotta
`);

/** Single tokens the general rules would cut. */
export const WHOLE_WORDS = set(`Yahoo! Yahoo!'s [...]`);

/** Chunks split in a fixed way (value: lengths of all parts but the last). */
export const SPECIAL_SPLITS: ReadonlyMap<string, readonly number[]> = new Map<string, number[]>([
  ["I'ma", [1, 2]], ['I’ma', [1, 2]],
]);
