// Luxembourgish function words: the stopword package has lists for English, French and German but none for
// Luxembourgish, so this short list stands in (written after the n-rule is applied by normalise.ts).
export const LB_STOPWORDS = [
  'a', 'an', 'als', 'am', 'ass', 'at', 'awer', 'bei', 'bis', 'd', 'da', 'dat', 'datt', 'de', 'dem', 'den', 'der', 'en',
  'des', 'dës', 'dëst', 'dëse', 'dësen', 'dësem', 'dëser', 'dir', 'do', 'du', 'duerch', 'e', 'eis', 'eise', 'ech', 'een', 'eng', 'enger', 'ees',
  'er', 'et', 'fir', 'firwat', 'gëtt', 'gi', 'ginn', 'gouf', 'goufen', 'hat', 'hei', 'hien', 'hir', 'hunn', 'hutt',
  'iech', 'ier', 'ins', 'is', 'kann', 'kënnen', 'mat', 'mech', 'mer', 'mir', 'mäi', 'meng', 'muss', 'nach',
  'net', 'no', 'näischt', 'och', 'oder', 'ons', 'op', 'si', 'sech', 'sinn', 'sou', 'säi', 'soll', 'um', 'un',
  'vill', 'vir', 'vu', 'vun', 'wann', 'wat', 'wéi', 'wéini', 'wien', 'wiem', 'wou', 'ze', 'zu', 'zum', 'zur',
  'är', 'ären', 'äre', 'ëm', 'ënner', 'iwwer', 'elo', 'schonn', 'ee', 'dass', 'alles', 'all', 'ginn', 'gin',
  'hire', 'hiren', 'hirem', 'hirer', 'säin', 'seng', 'sengem', 'senger', 'eegen', 'eegent', 'eegene', 'eegenen',
  'esou', 'eppes', 'eigentlech', 'dobäi', 'mëttlerweil', 'just', 'ganz', 'iergendwou', 'hannert', 'tëscht', 'beim',
  'déi', 'deen', 'deem', 'där', 'huet', 'hues', 'engem', 'war', 'waren', 'wier', 'wieren', 'sollen', 'wëll', 'wëllt', 'mol', 'ëmmer',
];
