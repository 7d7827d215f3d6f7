//! Who a post addresses, and how: a small grammar over the words of the folded view.
//!
//! German marks the reader in three ways: pronouns (`du`, `euch`, `Sie`), possessives
//! (`dein`, `eure`, `Ihr`) and imperatives, which carry no pronoun at all (`Macht mit!`,
//! `Komm vorbei!`). The hard cases are the words that also mean *she*, *they* and *her*:
//! `sie`, `ihr`, `ihnen`, `Ihr`. They are decided by structure, as a reader does:
//!
//! - verb agreement: `ihr seid`, `habt ihr` (2nd person plural) against `sie ist`
//!   (3rd singular) and `Sie kamen` (past plural: a report about others);
//! - position: a verb first in a sentence that is not a question is an imperative; a
//!   capital `Sie` inside a sentence is formal, at its start it may be *they*;
//! - reference: `ihr Projekt` after `Die Kinder` refers back to them; `für ihr
//!   Verständnis` with nobody to refer to addresses the reader.
//!
//! Words inside quotations, hashtags, mentions and URLs never count: a quoted title
//! (`„Kommt ein Vogel geflogen“`) is not the city speaking.

use std::ops::Range;

use foldhash::HashMap;

use crate::rules::CheckContext;
use crate::rules::address::words::{Class, Words};
use crate::text::fold::Folded;
use crate::text::{Region, TextView};

/// A form of address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Formal `Sie`.
    Formal,
    /// Informal singular `du`.
    Du,
    /// Informal plural `ihr`.
    Ihr,
}

/// How the reader is addressed by one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A pronoun or possessive (`du`, `euch`, `Ihnen`, `deine`).
    Pronoun,
    /// An imperative without pronoun (`Kommt`, `Komm`).
    Imperative,
    /// Formal `Sie`/`Ihnen`/`Ihr…` written in lower case.
    Lowercase,
}

/// One word that addresses the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Address {
    pub form: Form,
    pub marker: Marker,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// The folded word (`sie`, `deine`, `kommt`).
    pub word: String,
}

/// How sure a reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Grammar decides it (`Bitte füllen sie…`, a capital `Sie` inside a sentence).
    Certain,
    /// Only the absence of anyone else to refer to suggests it.
    Weak,
}

/// What separates a word from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// Start of a sentence (text start, `.`, `!`, `?`, `:`, line break, emoji).
    Sentence,
    /// Start of a clause (`,`, `;`, dash, bracket, quotation mark).
    Clause,
    /// Hyphen or slash without spaces: one compound (`Du-Form`, `Sie/Ihr`).
    Joined,
    /// Just space.
    Space,
}

#[derive(Debug)]
struct Token<'v> {
    word: &'v str,
    span: Range<usize>,
    capital: bool,
    plain: bool,
    class: Class,
    before: Boundary,
    /// The next word is in a new clause or sentence (or there is none).
    clause_final: bool,
    /// A `!` follows before the next word.
    exclamation_after: bool,
    joined_after: bool,
    /// A colon or dash precedes the word (what follows may name a pronoun's referent).
    after_colon: bool,
    /// A quotation mark precedes the word: `„Sälzer Lagune“ öffnet` continues after a
    /// quoted name.
    after_quote: bool,
    /// A closing quotation mark and a comma precede the word: `„…“, sagt sie`.
    after_quote_comma: bool,
    /// Inside a quotation that opens its line: the post's own slogan or heading
    /// (`„Eure Stimme. Eure Zukunft.“ – die Stadt lädt…`), not someone else's words.
    heading_quote: bool,
    sentence: usize,
}

/// The address grammar, compiled once per account.
pub(super) struct Grammar {
    words: Words,
}

impl Grammar {
    pub fn new() -> Grammar {
        Grammar {
            words: Words::new(),
        }
    }

    /// Every word of the draft that addresses the reader, in text order. Analysed once per
    /// check and kept on the context for the other `address.*` rules: there is one grammar
    /// per process ([`super::grammar`]), so the result is the same for all of them.
    pub fn analyse<'c>(&self, cx: &'c CheckContext<'_>) -> &'c [Address] {
        cx.addresses.get_or_init(|| self.analyse_view(cx.text))
    }

    /// Every word of the view's text that addresses the reader, analysed afresh.
    fn analyse_view(&self, view: &TextView<'_>) -> Vec<Address> {
        Sentences::new(view, &self.words).addresses()
    }
}

/// Word classes from the lexicon: each match is exactly one token.
fn classify_by_lexicon(tokens: &mut [Token<'_>], view: &TextView<'_>, words: &Words) {
    let Ok(lexicon) = words.lexicon() else {
        return; // a built-in word that is no valid term; `the_lexicon_builds` tests for it
    };
    let mut next = 0;
    for found in lexicon.find(view) {
        while tokens
            .get(next)
            .is_some_and(|t| t.span.start < found.span.start)
        {
            next += 1;
        }
        if let Some(token) = tokens.get_mut(next)
            && token.span == found.span
        {
            token.class = words.classes.get(found.term).copied().unwrap_or_default();
        }
    }
}

/// Word classes by looking up each folded token: the same as [`classify_by_lexicon`]
/// when every word is alphanumeric (then a lexicon match that is a whole token is always
/// accepted, and no longer match can contain it) and the tokens' written spans are
/// disjoint and do not start or end inside a character that folds to several (then no
/// shorter match inside a token, such as a CamelCase part of `#LIEẞ`, has the token's
/// span). A hash lookup per token instead of an overlapping search of every word.
fn classify_by_lookup(tokens: &mut [Token<'_>], by_folded_word: &HashMap<String, Class>) {
    for token in tokens {
        if let Some(&class) = by_folded_word.get(token.word) {
            token.class = class;
        }
    }
}

/// Whether the first or last folded character of a word comes from the same written
/// character (grapheme cluster) as its neighbour inside the word (`ß` → `ss`, `ﬁ` → `fi`).
fn edge_shares_origin(folded: &Folded, word: Range<usize>) -> bool {
    let text = folded.as_str();
    let Some(slice) = text.get(word.clone()) else {
        return true;
    };
    let mut chars = slice.char_indices();
    let origin = |offset: usize| folded.original(word.start + offset..word.start + offset + 1);
    let starts = chars
        .clone()
        .nth(1)
        .is_some_and(|(second, _)| origin(0) == origin(second));
    let ends = match (chars.next_back(), chars.next_back()) {
        (Some((last, _)), Some((before_last, _))) => origin(last) == origin(before_last),
        _ => false,
    };
    starts || ends
}

/// Byte offset of the first character at or after `from` whose `is_alphanumeric` is
/// `alphanumeric`; ASCII bytes are tested without decoding a character.
fn find_char(text: &str, from: usize, alphanumeric: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut position = from;
    while let Some(&byte) = bytes.get(position) {
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() == alphanumeric {
                return Some(position);
            }
            position += 1;
            continue;
        }
        let c = text.get(position..)?.chars().next()?;
        if c.is_alphanumeric() == alphanumeric {
            return Some(position);
        }
        position += c.len_utf8();
    }
    None
}

/// The draft as a token stream with sentence facts.
struct Sentences<'v> {
    tokens: Vec<Token<'v>>,
    /// Per sentence: whether it ends in a question mark.
    questions: Vec<bool>,
    /// Per sentence: whether it ends in an exclamation mark.
    exclamations: Vec<bool>,
    /// The text opens with @mentions: a reply, which speaks to the accounts it names.
    reply: bool,
    /// Nouns are capitalised inside sentences somewhere: a lower-case word is then no
    /// noun (unlike in a text written all in lower case).
    cased: bool,
}

impl<'v> Sentences<'v> {
    fn new(view: &'v TextView<'v>, words: &Words) -> Sentences<'v> {
        let folded = view.folded();
        let text = folded.as_str();
        let mut tokens: Vec<Token<'v>> = Vec::new();
        let mut questions = vec![false];
        let mut exclamations = vec![false];
        let mut previous_end = 0;
        let mut position = 0;
        // Whether looking each token up gives what the lexicon search gives (see
        // `classify_by_lookup`): no two words share written characters.
        let mut lookup_is_exact = true;
        let mut previous_span_end = 0;
        while let Some(start) = find_char(text, position, true) {
            let end = find_char(text, start, false).unwrap_or(text.len());
            let span = folded.original(start..end);
            lookup_is_exact &=
                span.start >= previous_span_end && !edge_shares_origin(folded, start..end);
            previous_span_end = span.end;
            let region = view.region_at(span.start);
            if matches!(region, Region::Url | Region::Mention) {
                // Not words of the sentence; the gap around them is scanned without them.
                position = end;
                continue;
            }
            let gap = Gap::scan(view, folded, previous_end..start);
            let previous_word = tokens.last().map(|t| (t.word, t.class));
            let before = gap.boundary(previous_word);
            if let Some(last) = tokens.last_mut() {
                last.exclamation_after = gap.exclamation;
                last.clause_final = matches!(before, Boundary::Sentence | Boundary::Clause);
                last.joined_after = before == Boundary::Joined;
            }
            if before == Boundary::Sentence && !tokens.is_empty() {
                if let Some(question) = questions.last_mut() {
                    *question = gap.question;
                }
                if let Some(exclamation) = exclamations.last_mut() {
                    *exclamation = gap.exclamation;
                }
                questions.push(false);
                exclamations.push(false);
            }
            let word = &text[start..end];
            let span_start = span.start;
            let written = view.text.get(span.clone()).unwrap_or_default();
            tokens.push(Token {
                word,
                capital: written
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase),
                plain: region == Region::Plain,
                class: Class::NONE,
                span,
                before,
                clause_final: true,
                exclamation_after: false,
                joined_after: false,
                after_colon: gap.colon,
                after_quote: gap.quote,
                after_quote_comma: gap.quote_comma,
                heading_quote: region == Region::Quote && quote_opens_line(view, span_start),
                sentence: questions.len() - 1,
            });
            previous_end = end;
            position = end;
        }
        let tail = Gap::scan(view, folded, previous_end..text.len());
        if let Some(last) = tokens.last_mut() {
            last.exclamation_after = tail.exclamation;
        }
        if let Some(question) = questions.last_mut() {
            *question = tail.question;
        }
        if let Some(exclamation) = exclamations.last_mut() {
            *exclamation = tail.exclamation;
        }
        match &words.by_folded_word {
            Some(by_folded_word) if lookup_is_exact => {
                classify_by_lookup(&mut tokens, by_folded_word);
            }
            _ => classify_by_lexicon(&mut tokens, view, words),
        }
        let opening = view.text.len() - view.text.trim_start().len();
        let reply =
            view.text[opening..].starts_with('@') && view.region_at(opening) == Region::Mention;
        let cased = tokens
            .iter()
            .any(|t| t.capital && t.before != Boundary::Sentence);
        Sentences {
            tokens,
            questions,
            exclamations,
            reply,
            cased,
        }
    }

    fn token(&self, index: usize) -> Option<&Token<'v>> {
        self.tokens.get(index)
    }

    /// The next token in the same clause.
    fn next_in_clause(&self, index: usize) -> Option<&Token<'v>> {
        let token = self.tokens.get(index)?;
        if token.clause_final {
            return None;
        }
        self.tokens.get(index + 1)
    }

    /// The previous token in the same clause.
    fn previous_in_clause(&self, index: usize) -> Option<&Token<'v>> {
        let token = self.tokens.get(index)?;
        if matches!(token.before, Boundary::Sentence | Boundary::Clause) {
            return None;
        }
        self.tokens.get(index.checked_sub(1)?)
    }

    fn is_exclamation(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .and_then(|t| self.exclamations.get(t.sentence))
            .copied()
            .unwrap_or(false)
    }

    fn is_question(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .and_then(|t| self.questions.get(t.sentence))
            .copied()
            .unwrap_or(false)
    }

    fn addresses(&self) -> Vec<Address> {
        let mut found = Vec::new();
        // The sentence of the last imperative: `Macht mit und sammelt Müll!`.
        let mut imperative_sentence = None;
        for (index, token) in self.tokens.iter().enumerate() {
            let own_slogan = token.heading_quote
                && (token.class.has(Class::DU) || token.class.has(Class::EUCH))
                && !self.quote_is_attributed(index);
            if !token.plain && !own_slogan {
                continue;
            }
            let address = |form: Form, marker: Marker| Address {
                form,
                marker,
                span: token.span.clone(),
                word: token.word.to_owned(),
            };
            let class = token.class;
            if class.has(Class::DU) {
                if self.du_is_pronoun(index) {
                    found.push((address(Form::Du, Marker::Pronoun), Evidence::Certain));
                }
            } else if class.has(Class::EUCH) {
                if !token.joined_after && !self.joined_before(index) {
                    found.push((address(Form::Ihr, Marker::Pronoun), Evidence::Certain));
                }
            } else if class.has(Class::IHR) {
                if self.ihr_is_plural_you(index) {
                    found.push((address(Form::Ihr, Marker::Pronoun), Evidence::Certain));
                } else if self.is_possessive(index)
                    && let Some((marker, evidence)) = self.formal_marker(index)
                {
                    found.push((address(Form::Formal, marker), evidence));
                }
            } else if class.has(Class::SIE) || class.has(Class::IHNEN) {
                if let Some((marker, evidence)) = self.formal_marker(index) {
                    // `Kommen Sie … und bringt…`: an order, whatever its form.
                    if class.has(Class::SIE)
                        && index.checked_sub(1).is_some_and(|verb| {
                            self.is_imperative_position(verb)
                                && self.token(verb).is_some_and(|v| self.is_infinitive_like(v))
                        })
                    {
                        imperative_sentence = Some(token.sentence);
                    }
                    found.push((address(Form::Formal, marker), evidence));
                }
            } else if class.has(Class::IHR_INFLECTED) {
                if self.is_possessive(index)
                    && let Some((marker, evidence)) = self.formal_marker(index)
                {
                    found.push((address(Form::Formal, marker), evidence));
                }
            } else if class.has(Class::SECOND_SINGULAR) {
                // `Hast ja Recht`, `Bist dabei?`; beside `du` the pronoun is marked instead.
                let pronoun_beside = [index.checked_sub(1), Some(index + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| self.token(i))
                    .any(|t| t.class.has(Class::DU) && t.sentence == token.sentence);
                if !pronoun_beside {
                    found.push((address(Form::Du, Marker::Imperative), Evidence::Certain));
                }
            } else if let Some(form) = self.imperative(index) {
                imperative_sentence = Some(token.sentence);
                found.push((address(form, Marker::Imperative), Evidence::Certain));
            } else if imperative_sentence == Some(token.sentence)
                && let Some(form) = self.coordinated_imperative(index)
            {
                found.push((address(form, Marker::Imperative), Evidence::Certain));
            }
        }
        // A post that addresses its reader informally does not also mean a lower-case
        // `sie` nobody else could be as formal address (`Hast du ihre Ausstellung
        // gesehen?`): only grammar-certain readings count there.
        // Nor does a post that writes the formal `Sie` with its capital elsewhere (`was
        // sie für Sie leisten`): its author tells the two apart.
        let informal = found.iter().any(|(a, _)| a.form != Form::Formal);
        let capital_formal = found.iter().any(|(a, _)| {
            a.form == Form::Formal
                && a.marker == Marker::Pronoun
                && self
                    .tokens
                    .iter()
                    .find(|t| t.span == a.span)
                    .is_some_and(|t| t.before != Boundary::Sentence)
        });
        found
            .into_iter()
            .filter(|(_, evidence)| !((informal || capital_formal) && *evidence == Evidence::Weak))
            .map(|(address, _)| address)
            .collect()
    }

    /// `„Gebt euren Kindern Zeit“, rät die Leiterin`: a quotation followed by a verb of
    /// saying is someone's words, not the post's own slogan.
    fn quote_is_attributed(&self, index: usize) -> bool {
        self.tokens[index..]
            .iter()
            .find(|t| !t.heading_quote)
            .is_some_and(attributes_quotation)
    }

    fn joined_before(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| t.before == Boundary::Joined)
    }

    /// `du`, `dich`, `deine`… unless part of a compound (`Du-Form`) or a noun (`per Du`,
    /// `das Du`), or `Dir.` (Direktor) before a name.
    fn du_is_pronoun(&self, index: usize) -> bool {
        let Some(token) = self.token(index) else {
            return false;
        };
        if token.joined_after || self.joined_before(index) {
            return false;
        }
        if self
            .previous_in_clause(index)
            .is_some_and(|p| p.class.has(Class::DU_AS_NOUN))
            && token.word == "du"
        {
            return false;
        }
        true
    }

    /// `ihr` as the informal plural *you*, decided by the verb it agrees with.
    fn ihr_is_plural_you(&self, index: usize) -> bool {
        let previous = self.previous_in_clause(index);
        let next = self.next_in_clause(index);
        // Vocatives: `Gute Nacht, ihr Lieben`, `Hallo ihr alle`, `… Arschlöcher ihr!`;
        // `ihr seit` is the common misspelling of `ihr seid`.
        if next.is_some_and(|n| matches!(n.word, "lieben" | "leute" | "alle" | "beiden" | "seit"))
            && self.token(index).is_some_and(|t| {
                t.before != Boundary::Space || previous.is_some_and(|p| !p.capital)
            })
        {
            return true;
        }
        if next.is_none()
            && self.token(index).is_some_and(|t| t.exclamation_after)
            && previous.is_some_and(|p| p.capital)
        {
            return true;
        }
        // `ihr seid`, `habt ihr`: forms that only a 2nd person plural takes.
        if next.is_some_and(|n| n.class.has(Class::PLURAL_ONLY))
            || previous.is_some_and(|p| p.class.has(Class::PLURAL_ONLY))
        {
            return true;
        }
        // `Kommt ihr…`, `Hier findet ihr…`, `Was meint ihr…`: a -t verb first in its
        // clause, or second after an adverbial or question word; `Die Stadt gratuliert
        // ihr` (subject first) is the dative *her*.
        if let Some(verb) = previous
            && self.is_t_verb(verb)
            && let Some(verb_index) = index.checked_sub(1)
        {
            let clause_start = self.clause_start(verb_index);
            if clause_start == verb_index {
                // `„VHS vor Ort“ präsentiert ihr…`: the quoted name is the subject.
                return !verb.after_quote || verb.capital;
            }
            let opener = self
                .token(clause_start)
                .map(|t| t.class)
                .unwrap_or_default();
            let opener_is_adverbial = opener.has(Class::ADVERB)
                || opener.has(Class::PREPOSITION)
                || opener.has(Class::SUBORDINATOR);
            if opener_is_adverbial && !opener.has(Class::DETERMINER) {
                return true;
            }
        }
        // `wenn ihr kommt`, `Ihr kommt doch`, `und ihr gewinnt`: ihr opens its clause (or
        // follows a conjunction) and a lower-case -t verb follows.
        // `Wir hoffen ihr findet…`: a verb before `ihr` that takes a clause.
        let opens_clause = previous.is_none()
            || previous.is_some_and(|p| {
                p.class.has(Class::SUBORDINATOR)
                    || p.class.has(Class::COORDINATOR)
                    || (!p.capital && CLAUSE_TAKING_VERBS.contains(&p.word))
            });
        if opens_clause
            && let Some(verb) = next
            && !verb.capital
            && self.is_t_verb(verb)
        {
            return true;
        }
        // `wenn ihr Fragen habt`: a conjunction, and a plural-only verb ends the clause.
        if previous.is_some_and(|p| p.class.has(Class::SUBORDINATOR))
            && self
                .token(self.clause_end(index))
                .is_some_and(|last| last.class.has(Class::PLURAL_ONLY))
        {
            return true;
        }
        false
    }

    /// A word ending in -t that can be a finite verb.
    fn is_t_verb(&self, token: &Token<'_>) -> bool {
        if token.class.has(Class::NOT_A_VERB)
            || token.class.has(Class::PREPOSITION)
            || token.class.has(Class::THIRD_SINGULAR)
        {
            return false;
        }
        token.class.has(Class::PLURAL_IMPERATIVE)
            || (token.word.ends_with('t') && token.word.chars().count() > 2)
    }

    fn clause_start(&self, index: usize) -> usize {
        let mut start = index;
        while let Some(token) = self.token(start) {
            if start == 0 || matches!(token.before, Boundary::Sentence | Boundary::Clause) {
                break;
            }
            start -= 1;
        }
        start
    }

    fn clause_end(&self, index: usize) -> usize {
        let mut end = index;
        while self.token(end).is_some_and(|t| !t.clause_final) {
            end += 1;
        }
        end
    }

    /// `ihr`/`ihre`… followed by a noun (`ihr Projekt`, `Ihre neue Adresse`), not by a
    /// verb or preposition (`wir danken ihr für…`).
    fn is_possessive(&self, index: usize) -> bool {
        let Some(next) = self.next_in_clause(index) else {
            return false;
        };
        if next.capital || next.word.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
        // An inflected adjective before the noun: `ihr neues Fahrzeug`, `ihre neue
        // Adresse`. After bare `ihr` only the strong endings -es/-er are possible, so
        // `Spenden Sie ihr haltbare Produkte` is the dative *her*.
        let bare = self.token(index).is_some_and(|t| t.class.has(Class::IHR));
        let endings: &[&str] = if bare {
            &["es", "er"]
        } else {
            &["e", "en", "em", "er", "es"]
        };
        let adjective_ending = endings.iter().any(|ending| next.word.ends_with(ending));
        let function_word = next.class.has(Class::PREPOSITION)
            || next.class.has(Class::ADVERB)
            || next.class.has(Class::NOT_A_VERB)
            || next.class.has(Class::IMPERATIVE_PARTICLE);
        adjective_ending
            && !function_word
            && self
                .tokens
                .get(index + 2)
                .is_some_and(|noun| noun.capital && !next.clause_final)
    }

    /// Whether `Sie`/`Ihnen`/`Ihr…` at `index` is formal address: written capitalised
    /// (then `Pronoun`) or in lower case (`Lowercase`).
    fn formal_marker(&self, index: usize) -> Option<(Marker, Evidence)> {
        let token = self.token(index)?;
        if token.joined_after || self.joined_before(index) {
            return None; // `Sie-Form`, `Sie/Ihr`: talking about the form
        }
        let sentence_start = token.before == Boundary::Sentence;
        if token.capital && !sentence_start {
            return Some((Marker::Pronoun, Evidence::Certain));
        }
        if token.capital {
            return self
                .initial_capital_is_formal(index)
                .then_some((Marker::Pronoun, Evidence::Certain));
        }
        self.lowercase_is_formal(index)
            .map(|evidence| (Marker::Lowercase, evidence))
    }

    /// `Sie`/`Ihr`/`Ihnen` at the start of a sentence: formal unless the verb says
    /// *she* (`Sie ist`), *they* in a report (`Sie kamen`), or someone to refer to
    /// stands in the sentence before.
    fn initial_capital_is_formal(&self, index: usize) -> bool {
        let Some(token) = self.token(index) else {
            return false;
        };
        if token.class.has(Class::SIE) {
            let Some(verb) = self.next_in_clause(index) else {
                return false;
            };
            if self.is_third_singular(verb) || self.is_past(verb) {
                return false;
            }
            let present_plural = verb.word.ends_with('n') || verb.word == "sind";
            if !present_plural {
                return false;
            }
        }
        !self.has_antecedent(index, Referents::People) && !self.has_cataphora(index)
    }

    /// Whether the verb of `sie` at `index` makes it *she* or *they*: `sie ist`, `kommt sie`
    /// (she); `sie kamen`, `feierten sie` (they); `sagt, sie sei…` (reported speech).
    fn sie_agrees_with_third_person(&self, index: usize) -> bool {
        let previous = self.previous_in_clause(index);
        // In a subordinate clause the finite verb comes last: `dass sie mitgemacht
        // haben` (formal or they), `weil sie kommt` (she).
        let subordinate = previous.is_some_and(|p| p.class.has(Class::SUBORDINATOR));
        let verb_after = if subordinate {
            let end = self.clause_end(index);
            self.token(end).filter(|_| end > index)
        } else {
            self.next_in_clause(index)
        };
        // `ich kann sie beruhigen`: a verb whose subject stands before it takes `sie` as
        // its object, and says nothing about who `sie` is.
        let verb_has_subject = index
            .checked_sub(2)
            .and_then(|i| self.token(i))
            .is_some_and(|t| {
                t.class.has(Class::FIRST_PERSON) || t.class.has(Class::THIRD_PERSON_SUBJECT)
            });
        verb_after.is_some_and(|n| {
            self.is_third_singular_final(n)
                || self.is_past(n)
                || n.class.has(Class::REPORTED_SPEECH)
        }) || previous
            .is_some_and(|p| (self.is_third_singular(p) || self.is_past(p)) && !verb_has_subject)
    }

    /// Lower-case `sie`/`ihnen`/`ihr…` meant as formal address.
    fn lowercase_is_formal(&self, index: usize) -> Option<Evidence> {
        let token = self.token(index)?;
        let previous = self.previous_in_clause(index);
        let next = self.next_in_clause(index);
        if self.is_hortative_object(index) || self.is_partitive(index) {
            return None;
        }
        if token.class.has(Class::SIE) {
            // `Bitte füllen sie…`, `Kommen sie vorbei!`: an imperative with Sie.
            // A modal's subjunctive first is a condition or a request (`Sollten sie Fragen
            // haben`, `sollten sie ihre Pflichten nicht einhalten`): formal or *they*.
            // After `Dann`/`Jetzt` the verb is inverted: `Dann laufen sie.` is *they*.
            // The verb before `sie` is its own, so what follows is not (`Bleiben sie
            // geboten vernünftig`: a participle, not a past tense).
            if let Some(verb) = previous
                && let Some(verb_index) = index.checked_sub(1)
                && matches!(
                    self.imperative_position(verb_index),
                    Some(Position::SentenceStart | Position::AfterLeadIn { object_safe: true })
                )
                && self.is_infinitive_like(verb)
                && !MODAL_SUBJUNCTIVES.contains(&verb.word)
                && !JUSSIVE_MODALS.contains(&verb.word)
                && !self.is_question(index)
                && !self.completes_subordinate_sentence(verb_index)
            {
                return Some(Evidence::Certain);
            }
            if self.sie_agrees_with_third_person(index) {
                return None;
            }
        }
        if token.class.has(Class::IHNEN) && previous.is_some_and(|p| self.is_past(p)) {
            return None;
        }
        // `Renate Künast hat ihr Buch…`: after a third person verb inside a sentence the
        // possessive belongs to its subject.
        // (`Was ist ihr Statement?` asks about the reader's own.)
        if (token.class.has(Class::IHR) || token.class.has(Class::IHR_INFLECTED))
            && !self.is_question(index)
            && previous.is_some_and(|p| {
                p.class.has(Class::THIRD_SINGULAR) && p.before != Boundary::Sentence
            })
        {
            return None;
        }
        // `ob Radfahrer ihr Licht einschalten`, `Hannah und ihr Hund`: a noun right
        // before (or before `und`) is the owner.
        let is_noun = |t: &Token<'_>| t.capital && t.class == Class::NONE;
        if previous.is_some_and(|p| is_noun(p) && p.before != Boundary::Sentence)
            || previous.is_some_and(|p| p.class.has(Class::COORDINATOR))
                && index
                    .checked_sub(2)
                    .and_then(|i| self.token(i))
                    .is_some_and(is_noun)
        {
            return None;
        }
        // A possessive or `sie` after a formal `Sie` in the same sentence is formal too
        // (`Tun Sie sich den Gefallen und gehen sie…`).
        // Right after the formal `Sie` a `sie` is its object (`Besuchen Sie sie am Stand`).
        let object_of_formal = token.class.has(Class::SIE)
            && index
                .checked_sub(1)
                .and_then(|i| self.token(i))
                .is_some_and(|t| t.class.has(Class::SIE));
        if (token.class.has(Class::IHR)
            || token.class.has(Class::IHR_INFLECTED)
            || token.class.has(Class::SIE)
            || token.class.has(Class::IHNEN))
            && !object_of_formal
            && self.formal_sie_before(index)
        {
            return Some(Evidence::Certain);
        }
        // `Vielen Dank für ihr Verständnis` thanks the reader whatever nouns came before;
        // only people (`allen Helfern für ihren Einsatz`) can own the formula.
        let formula_follows = next.is_some_and(|n| FORMULA_NOUNS.contains(&n.word));
        let referents = if formula_follows {
            Referents::People
        } else {
            Referents::AnyNoun
        };
        if self.has_cataphora(index) {
            return None;
        }
        // `über den sie berichten`: a relative clause speaks of what it qualifies.
        if self.opens_relative_clause(index) {
            return None;
        }
        if self.formal_earlier(index) {
            return Some(Evidence::Certain);
        }
        // A reply speaks to the accounts it opens with. Where its writer says `ich`
        // (`@x ich denke sie verkennen die Lage`, `@x ich kann sie beruhigen`) or asks a
        // question (`@x Stehen sie auch dahinter?`), `sie` is the person answered unless
        // people were named before or another `sie` is *she*/*they* by its verb.
        // A possessive may belong to anyone named (`diese Frau … mit ihrer Hilfe`), a
        // plural `sie`/`ihnen` only to people.
        let owners = if token.class.has(Class::IHR) || token.class.has(Class::IHR_INFLECTED) {
            Referents::People
        } else {
            Referents::Persons
        };
        if self.reply
            && (self.writer_speaks(index) || self.is_question(index) || self.verb_first(index))
            && !self.has_antecedent(index, owners)
            && !self.third_person_sie_elsewhere(index)
        {
            return Some(Evidence::Weak);
        }
        // Nobody to refer to is not enough in real posts, which name their third parties
        // anywhere (a reply, a picture): the clause must be the city speaking to someone
        // (`Wir bitten sie um Verständnis`, `ich lade sie herzlich ein`, `Für Rückfragen
        // stehen wir ihnen zur Verfügung`) or a formula of thanks (`für ihr Verständnis`).
        // There only people named before can be who is meant, not any noun.
        let city_speaks = formula_follows || self.city_addresses(index);
        let referents = if city_speaks {
            Referents::People
        } else {
            referents
        };
        if self.has_antecedent(index, referents) {
            return None;
        }
        (city_speaks || self.speaks_to_reader(index)).then_some(Evidence::Weak)
    }

    /// `Gott, hängen sie…`, `- machen sie…`, `Wo sie recht haben, haben sie recht`: `sie`
    /// right after a present-tense verb that opens its clause (an order, a question
    /// without its mark, or a reply's inverted statement).
    fn verb_first(&self, index: usize) -> bool {
        let Some(verb_index) = index.checked_sub(1) else {
            return false;
        };
        // After a subordinate clause the verb comes first in any statement: `Wenn die
        // Partei nicht …, werden sie es auch werden`.
        let opens_main_clause = matches!(
            self.imperative_position(verb_index),
            Some(
                Position::SentenceStart
                    | Position::AfterComma {
                        after_subordinate: false
                    }
            )
        );
        opens_main_clause
            && self.token(verb_index).is_some_and(|verb| {
                self.is_infinitive_like(verb)
                    && !MODAL_SUBJUNCTIVES.contains(&verb.word)
                    && !JUSSIVE_MODALS.contains(&verb.word)
            })
            && self.token(index).is_some_and(|t| t.class.has(Class::SIE))
    }

    /// `Erst wenn die ersten Politiker … verlieren. Erkennen sie…`: a verb opening the
    /// sentence after one that is only a subordinate clause is that clause's main verb,
    /// not an imperative.
    fn completes_subordinate_sentence(&self, verb_index: usize) -> bool {
        let Some(sentence) = self
            .token(verb_index)
            .filter(|t| t.before == Boundary::Sentence)
            .map(|t| t.sentence)
        else {
            return false;
        };
        let Some(previous_sentence) = sentence.checked_sub(1) else {
            return false;
        };
        let before = || {
            self.tokens[..verb_index]
                .iter()
                .filter(|t| t.sentence == previous_sentence)
        };
        // The conjunction opens the sentence or follows one word (`Erst wenn`, `Nur weil`).
        let subordinate_opening = before()
            .take(2)
            .any(|t| ADVERBIAL_CONJUNCTIONS.contains(&t.word));
        subordinate_opening && before().skip(1).all(|t| t.before != Boundary::Clause)
    }

    /// `…, den sie propagieren`, `…, über den sie berichten`: `sie` right after the
    /// relative pronoun that opens its clause (behind a preposition, if any).
    fn opens_relative_clause(&self, index: usize) -> bool {
        let Some(pronoun_index) = index.checked_sub(1) else {
            return false;
        };
        let is_relative = |t: &Token<'_>| {
            matches!(
                t.word,
                "der" | "die" | "das" | "den" | "dem" | "denen" | "deren" | "dessen"
            )
        };
        let start = self.clause_start(pronoun_index);
        let Some(pronoun) = self.token(pronoun_index) else {
            return false;
        };
        let opens = start == pronoun_index
            || (start + 1 == pronoun_index
                && self
                    .token(start)
                    .is_some_and(|p| p.class.has(Class::PREPOSITION)));
        opens
            && is_relative(pronoun)
            && self
                .token(start)
                .is_some_and(|t| t.before == Boundary::Clause)
    }

    /// Whether the writer says `ich` in the sentence of `index` or the one before.
    fn writer_speaks(&self, index: usize) -> bool {
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        self.tokens
            .iter()
            .filter(|t| t.sentence + 1 >= sentence && t.sentence <= sentence)
            .any(|t| matches!(t.word, "ich" | "mir" | "mich"))
    }

    /// `Wie viele von ihnen…`: a part of a group of others.
    fn is_partitive(&self, index: usize) -> bool {
        let before = |back: usize| index.checked_sub(back).and_then(|i| self.token(i));
        self.token(index).is_some_and(|t| t.class.has(Class::IHNEN))
            && before(1).is_some_and(|p| p.word == "von")
            && before(2).is_some_and(|q| {
                QUANTIFIERS.contains(&q.word) || q.word.chars().all(|c| c.is_ascii_digit())
            })
    }

    /// Whether another lower-case `sie` of the text is *she* or *they* by its verb
    /// (`nehme sie in den Arm, wenn sie sich wehrt`): then the writer speaks of someone.
    fn third_person_sie_elsewhere(&self, index: usize) -> bool {
        self.tokens.iter().enumerate().any(|(i, t)| {
            i != index
                && t.class.has(Class::SIE)
                && !t.capital
                && self.sie_agrees_with_third_person(i)
        })
    }

    /// A capital `Sie`/`Ihnen` inside an earlier sentence with no people named since: the
    /// writer addresses someone formally, and a later lower-case form is the same person
    /// (`Bei Neuwahlen wird Ihnen … Das erste Mal, dass ich mich mit ihrer Partei…`).
    fn formal_earlier(&self, index: usize) -> bool {
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        let Some(formal) = (0..index).rev().find(|&i| {
            self.token(i).is_some_and(|t| {
                (t.class.has(Class::SIE) || t.class.has(Class::IHNEN))
                    && t.capital
                    && t.before != Boundary::Sentence
                    && t.sentence < sentence
            })
        }) else {
            return false;
        };
        // People named in between, or a `Sie` opening a sentence there, which may be
        // *she* (`Sie sagte, ihr Hund…`).
        let someone_between = (formal + 1..index).any(|i| {
            self.token(i).is_some_and(|t| {
                t.class.has(Class::SIE) || t.class.has(Class::IHNEN) || t.class.has(Class::IHR)
            }) || self.refers(i, Referents::Persons)
        });
        !someone_between && !self.has_antecedent(index, Referents::Persons)
    }

    /// `Nennen wir sie beim Namen`: the object of a verb-first `wir` (*let us*) is someone
    /// the writer and reader talk about.
    fn is_hortative_object(&self, index: usize) -> bool {
        let pronoun = index.checked_sub(1).and_then(|i| self.token(i));
        let verb_index = index.checked_sub(2);
        pronoun.is_some_and(|p| p.word == "wir")
            && verb_index
                .is_some_and(|v| self.imperative_position(v) == Some(Position::SentenceStart))
            && !self.is_question(index)
    }

    /// Whether the clause of `index` has a first person subject and a verb of addressing
    /// someone (`bitten`, `informieren`, `einladen`, `begrüßen`, `danken`).
    fn speaks_to_reader(&self, index: usize) -> bool {
        let (start, end) = (self.clause_start(index), self.clause_end(index));
        // `bitte` asks the reader (`das fragen sie dann bitte Frau X`), `danke` thanks them
        // (`Danke, dass sie mitgemacht haben`), in the clause or the one before.
        let sentence = self.token(index).map(|t| t.sentence);
        let request = (self.clause_start(start.saturating_sub(1))..=end)
            .filter_map(|i| self.token(i))
            .filter(|t| Some(t.sentence) == sentence)
            .any(|t| matches!(t.word, "bitte" | "danke"));
        // `Hier finden sie…`, `Was wollen sie hören?`: a verb right before `sie` that
        // serves the reader, or a question put to them.
        let previous = self.previous_in_clause(index);
        let is_sie = self.token(index).is_some_and(|t| t.class.has(Class::SIE));
        let service = is_sie
            && previous.is_some_and(|p| {
                SERVICE_VERBS.contains(&p.word)
                    || (self.is_question(index) && (!p.capital || self.is_infinitive_like(p)))
            });
        // `Was ist ihr Statement dazu?`, `Wird ihnen gedroht?`: a question about the
        // reader's own.
        let question_about_reader = !is_sie && self.is_question(index);
        self.city_addresses(index) || request || service || question_about_reader
    }

    /// Whether the clause of `index` has a first person subject and a verb of addressing
    /// someone (`Wir bitten sie…`, `ich lade sie ein`, `stehen wir ihnen zur Verfügung`).
    fn city_addresses(&self, index: usize) -> bool {
        let (start, end) = (self.clause_start(index), self.clause_end(index));
        let clause = || (start..=end).filter_map(|i| self.token(i));
        clause().any(|t| matches!(t.word, "ich" | "wir"))
            && clause().any(|t| ADDRESSING_STEMS.iter().any(|stem| t.word.contains(stem)))
    }

    fn formal_sie_before(&self, index: usize) -> bool {
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        // `Unterstützen Sie sie bei ihrer Arbeit`: a lower-case `sie` in between is the
        // owner.
        for token in (0..index)
            .rev()
            .map_while(|i| self.token(i))
            .take_while(|t| t.sentence == sentence)
        {
            if token.class.has(Class::SIE) || token.class.has(Class::IHNEN) {
                return token.capital && token.before != Boundary::Sentence;
            }
        }
        false
    }

    /// First word of its sentence, or after a lead-in such as `Bitte`.
    fn is_imperative_position(&self, index: usize) -> bool {
        match self.imperative_position(index) {
            Some(Position::SentenceStart | Position::AfterLeadIn { .. }) => true,
            Some(Position::AfterComma { .. }) | None => false,
        }
    }

    fn imperative_position(&self, index: usize) -> Option<Position> {
        let token = self.token(index)?;
        match token.before {
            Boundary::Sentence => return Some(Position::SentenceStart),
            Boundary::Clause => {
                let previous_clause = self.clause_start(index.checked_sub(1)?);
                let after_subordinate = self
                    .token(previous_clause)
                    .is_some_and(|t| t.class.has(Class::SUBORDINATOR));
                return Some(Position::AfterComma { after_subordinate });
            }
            Boundary::Joined => return None,
            Boundary::Space => {}
        }
        let lead_in = self.token(index.checked_sub(1)?)?;
        let lead_in_position = self.imperative_position(index - 1)?;
        if lead_in.class.has(Class::LEAD_IN)
            && !matches!(lead_in_position, Position::AfterComma { .. })
        {
            return Some(Position::AfterLeadIn {
                object_safe: lead_in.class.has(Class::OBJECT_SAFE_LEAD_IN),
            });
        }
        None
    }

    /// An infinitive-shaped verb: `füllen`, `kommen`, `seien`, `tun`.
    fn is_infinitive_like(&self, token: &Token<'_>) -> bool {
        let function_word = token.class.has(Class::PREPOSITION)
            || token.class.has(Class::DETERMINER)
            || token.class.has(Class::FEMININE_OR_PLURAL_DETERMINER)
            || token.class.has(Class::ADVERB)
            || token.class.has(Class::SUBORDINATOR)
            || token.class.has(Class::NOT_A_VERB)
            || self.is_past(token);
        !function_word
            && (token.word.ends_with("en")
                || token.word.ends_with("ern")
                || token.word.ends_with("eln")
                || token.word == "tun")
    }

    /// Like [`Self::is_third_singular`], but for the last word of a clause.
    fn is_third_singular_final(&self, token: &Token<'_>) -> bool {
        token.class.has(Class::THIRD_SINGULAR)
            || (token.clause_final
                && !token.capital
                && token.word.ends_with('t')
                && !is_participle(token.word)
                && !token.class.has(Class::PLURAL_ONLY)
                && !token.class.has(Class::NOT_A_VERB))
            || self.is_third_singular(token)
    }

    fn is_third_singular(&self, token: &Token<'_>) -> bool {
        if token.class.has(Class::THIRD_SINGULAR) {
            return true;
        }
        // A lower-case -t verb that is not a 2nd person plural form (`arbeitet`,
        // `engagiert`); participles at the end of the clause are left undecided.
        !token.capital
            && token.word.ends_with('t')
            && !token.class.has(Class::PLURAL_ONLY)
            && !token.class.has(Class::NOT_A_VERB)
            && !token.class.has(Class::PREPOSITION)
            && !token.class.has(Class::ADVERB)
            && !token.clause_final
            && !is_participle(token.word)
    }

    /// A past tense plural: listed strong forms, or a weak -ten form that is not the
    /// present of a -ten verb (`feierten`, `hatten` but not `arbeiten`).
    fn is_past(&self, token: &Token<'_>) -> bool {
        if token.class.has(Class::PAST_PLURAL) {
            return true;
        }
        token.word.ends_with("ten")
            && !token.capital
            && !token.class.has(Class::PRESENT_TEN)
            && !token.class.has(Class::ADVERB)
            && !token.class.has(Class::PREPOSITION)
            && !token.class.has(Class::FEMININE_OR_PLURAL_DETERMINER)
    }

    /// Whether someone the pronoun can refer back to stands before it: earlier in its
    /// sentence, or in the previous sentence unless this one is the city speaking
    /// (`wir`, `ich`), where a reader is the natural referent.
    fn has_antecedent(&self, index: usize, referents: Referents) -> bool {
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        let possessive = self
            .token(index)
            .is_some_and(|t| t.class.has(Class::IHR) || t.class.has(Class::IHR_INFLECTED));
        let same_sentence_first_person = possessive
            && (0..index)
                .filter_map(|i| self.token(i))
                .filter(|t| t.sentence == sentence)
                .chain(
                    self.tokens
                        .iter()
                        .skip(index + 1)
                        .take_while(|t| t.sentence == sentence),
                )
                .any(|t| t.class.has(Class::FIRST_PERSON));
        // A colon splits a sentence in the token stream (`Heute: Przemyśl und ihre
        // Altstadt`): the part before it belongs to the same thought.
        let mut oldest_sentence = sentence;
        while oldest_sentence > 0 && self.opens_after_colon(oldest_sentence) {
            oldest_sentence -= 1;
        }
        if !same_sentence_first_person {
            // Posts put a short reply between a group and its pronoun (`Die Ostwestfalen
            // sind stur? Vielleicht. Eines können sie…`): two sentences back.
            oldest_sentence = oldest_sentence.saturating_sub(2);
        }
        (0..index).rev().any(|i| {
            self.token(i).is_some_and(|t| {
                t.sentence >= oldest_sentence && t.sentence <= sentence && self.refers(i, referents)
            })
        })
    }

    fn opens_after_colon(&self, sentence: usize) -> bool {
        self.tokens
            .iter()
            .find(|t| t.sentence == sentence)
            .is_some_and(|t| t.after_colon)
    }

    /// A referent after a colon later on: `Endlich sind sie wieder da: die Störche`.
    fn has_cataphora(&self, index: usize) -> bool {
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        // The colon ends a sentence in the token stream: the referent opens the next one.
        self.tokens
            .iter()
            .enumerate()
            .skip(index + 1)
            .find(|(_, t)| t.sentence == sentence + 1)
            .is_some_and(|(i, t)| t.after_colon && self.refers(i, Referents::People))
    }

    /// A token that opens a third-person noun phrase someone could refer back to:
    /// a determiner for a feminine or plural noun (`die Kinder`, `allen Helfern`), a
    /// title (`Frau Schulz`), a name (`Anna Schulz`), or a pronoun read as *she/they*.
    fn refers(&self, index: usize, referents: Referents) -> bool {
        let Some(token) = self.token(index) else {
            return false;
        };
        // `Liebe Bürgerinnen und Bürger, … ich lade sie ein`: the people greeted are the
        // readers.
        if self
            .token(self.clause_start(index))
            .is_some_and(|opener| VOCATIVE_OPENERS.contains(&opener.word))
        {
            return false;
        }
        let next = self.tokens.get(index + 1);
        let next_is_noun =
            |offset: usize| self.tokens.get(index + offset).is_some_and(|t| t.capital);
        if token.class.has(Class::FEMININE_OR_PLURAL_DETERMINER) {
            // `Der Markt…` at the start of a sentence is a masculine subject.
            let masculine_subject = token.word == "der" && token.before == Boundary::Sentence;
            // `Vielen Dank`: a formula, nobody to refer to.
            if next.is_some_and(|n| n.word == "dank") {
                return false;
            }
            let noun_offset = if next_is_noun(1) {
                Some(1)
            } else if next.is_some_and(|n| !n.capital) && next_is_noun(2) {
                Some(2)
            } else {
                None
            };
            // `Wo kriegen die nur ihr…`, `die haben doch…`: `die` standing alone is a
            // demonstrative pronoun, someone spoken of.
            // (In a text written all in lower case the next word may be its noun.)
            let demonstrative = noun_offset.is_none()
                && token.word == "die"
                && self.cased
                && next.is_some_and(|n| !n.capital && n.before == Boundary::Space);
            let names_people = match noun_offset {
                Some(offset) if referents == Referents::Persons => self
                    .tokens
                    .get(index + offset)
                    .is_some_and(|noun| can_name_people(noun.word)),
                Some(_) => true,
                None => demonstrative,
            };
            return !masculine_subject && names_people;
        }
        if token.class.has(Class::TITLE) && next_is_noun(1) {
            return !self.is_vocative_title(index);
        }
        // The name after a vocative title is the reader too.
        if index
            .checked_sub(1)
            .is_some_and(|title| self.is_vocative_title(title))
        {
            return false;
        }
        // Two capitalised words inside a sentence that are not function words: a name.
        let is_name_part =
            |t: &Token<'_>| t.capital && t.before != Boundary::Sentence && t.class == Class::NONE;
        if is_name_part(token)
            && next.is_some_and(|n| is_name_part(n) && n.before == Boundary::Space)
        {
            return true;
        }
        // Coordinated nouns are a plural: `Schülerinnen und Schüler stellten…`,
        // `zeigen Ämter und Betriebe, was sie…`.
        if token.capital
            && token.class == Class::NONE
            && next.is_some_and(|n| n.class.has(Class::COORDINATOR) && next_is_noun(2))
        {
            return true;
        }
        // A bare plural of people: `Was wünschen sich Familien von ihrer Stadt?`.
        if token.capital && token.class == Class::NONE && is_person_plural(token.word) {
            return true;
        }
        // Any other noun in the sentence before may be who `sie` is (`Politiker sind
        // Schauspieler, da sie…`, `Europäer begreifen, dass sie…`); real posts name their
        // third parties far more often than they write the formal address in lower case.
        // Only the formulas of thanks and greeting name nobody (`Vielen Dank für ihr
        // Verständnis`). A capital opening a sentence is a noun when a verb follows.
        // For `Persons`, only nouns that can name people (`Ich bewundere
        // Österreicher… sie wissen`, not `Tolle Erkenntnis, … ich kann sie beruhigen`).
        let bare_noun_counts = match referents {
            Referents::AnyNoun => true,
            Referents::Persons => can_name_people(token.word),
            Referents::People => false,
        };
        if bare_noun_counts
            && token.capital
            && token.class == Class::NONE
            && !FORMULA_NOUNS.contains(&token.word)
        {
            // (`Europäer begreifen, dass sie…`: for people any lower-case word may be the
            // verb.)
            let subject_of_verb = next.is_some_and(|n| {
                !n.capital && n.class != Class::NONE && !n.class.has(Class::SIE)
                    || self.is_t_verb(n)
                    || (referents == Referents::Persons && !n.capital)
            });
            return token.before != Boundary::Sentence || subject_of_verb;
        }
        // `Sie ist…`, `sie kamen…`: the pronoun itself refers to someone.
        if token.class.has(Class::SIE) {
            let verb = self.next_in_clause(index);
            return verb.is_some_and(|v| self.is_third_singular(v) || self.is_past(v));
        }
        false
    }

    /// `Frau Will, wieviel haben ihnen…`, `Herr Maas haben sie…`: a title opening the
    /// sentence, followed by a name and a comma, or by a plural verb with its pronoun —
    /// the person spoken to.
    fn is_vocative_title(&self, index: usize) -> bool {
        let Some(title) = self.token(index) else {
            return false;
        };
        title.class.has(Class::TITLE)
            && title.before == Boundary::Sentence
            && (self
                .tokens
                .get(index + 1)
                .is_some_and(|name| name.clause_final)
                || self.tokens.get(index + 3).is_some_and(|pronoun| {
                    pronoun.class.has(Class::SIE)
                        && self
                            .tokens
                            .get(index + 2)
                            .is_some_and(|verb| self.is_infinitive_like(verb))
                }))
    }

    /// An imperative without pronoun at `index`, with its number.
    fn imperative(&self, index: usize) -> Option<Form> {
        let token = self.token(index)?;
        let class = token.class;
        let plural = class.has(Class::PLURAL_IMPERATIVE);
        let singular = class.has(Class::SINGULAR_IMPERATIVE);
        let unknown_t_word = class == Class::NONE
            && token.word.ends_with('t')
            && token.word.chars().count() > 3
            && !has_noun_suffix(token.word)
            && !token.word.starts_with("ge");
        if !plural && !singular && !unknown_t_word {
            return None;
        }
        // `„Kommt alle!“, sagt der Bürgermeister`: the verb that attributes a quotation.
        if attributes_quotation(token) {
            return None;
        }
        // `Sagt mal, „Mossul-Offensive“???`: an order before the question.
        let asks_first = self.next_in_clause(index).is_some_and(|n| {
            matches!(n.word, "mal" | "doch") && n.clause_final && !n.exclamation_after
        });
        if (self.is_question(index) && !asks_first) || token.joined_after {
            return None;
        }
        let position = self.imperative_position(index)?;
        let next = self.next_in_clause(index);
        if self.is_dropped_ich(index) || self.is_verb_second(index, position) {
            return None;
        }
        if position == Position::SentenceStart && !asks_first && self.opens_conditional(index) {
            return None; // `Steigt die Inzidenz über 100, darf…`: a verb-first condition
        }
        // `Bleibt zu hoffen, dass…`, `Gilt zu beachten`: impersonal, with `zu` + infinitive.
        if next.is_some_and(|n| n.word == "zu")
            && self
                .next_in_clause(index + 1)
                .is_some_and(|after| !after.capital && self.is_infinitive_like(after))
        {
            return None;
        }
        if next.is_some_and(|n| {
            n.class.has(Class::IHR)
                || n.class.has(Class::SIE)
                || n.class.has(Class::DU)
                || n.class.has(Class::IHNEN)
        }) {
            return None; // `Kommt ihr?`, `Kommen Sie`, `Passt Ihnen…`: the pronoun decides
        }
        // `Stellt sich die Frage`, `Schau mer mal`, `Tut uns leid`: a reflexive third
        // person, a first person plural, an idiom of regret.
        if next.is_some_and(|n| matches!(n.word, "sich" | "wir" | "mer"))
            || (token.word == "tut"
                && (index..=self.clause_end(index))
                    .filter_map(|i| self.token(i))
                    .any(|t| t.word == "leid"))
        {
            return None;
        }
        let particle = self.imperative_evidence(index);
        // `Macht es wie…!`: a verb-first exclamation with an object pronoun.
        let object_pronoun = next.is_some_and(|n| n.word == "es") && self.is_exclamation(index);
        let strong = particle || token.exclamation_after || object_pronoun;
        // Plural-only forms (`seid`, `vergesst`) cannot be anything else.
        let unambiguous = class.has(Class::PLURAL_ONLY) && !class.has(Class::NOUN_CLASH);
        // After a vocative (`Liebe Nachbarn, feiert mit uns…`) the verb opens the main
        // clause; after a subordinate clause (`Wenn es regnet, findet das Fest…`) a verb
        // followed by its subject is a statement.
        let subject_follows = next.is_none_or(|n| {
            n.capital
                || n.class.has(Class::DETERMINER)
                || n.class.has(Class::FEMININE_OR_PLURAL_DETERMINER)
                || n.class.has(Class::THIRD_PERSON_SUBJECT)
        });
        let needs_strong = !unambiguous
            && (class.has(Class::NOUN_CLASH)
                || matches!(
                    position,
                    Position::AfterComma {
                        after_subordinate: true
                    } | Position::AfterLeadIn { object_safe: false }
                )
                || (matches!(position, Position::AfterComma { .. }) && subject_follows));
        if needs_strong && !strong {
            return None;
        }
        // `Entdecke…`, `Drücke Daumen…`: the -e form is also the first person singular
        // with `ich` dropped, the most common opening of a personal post; only a particle
        // or an exclamation makes it an order.
        let e_form = singular && !plural && token.word.ends_with('e');
        let object_follows = next.is_some_and(|n| {
            n.class.has(Class::DETERMINER)
                || n.class.has(Class::FEMININE_OR_PLURAL_DETERMINER)
                || n.class.has(Class::DU)
        });
        if e_form && !strong && !object_follows && !self.is_exclamation(index) {
            return None;
        }
        // `Stimmt.`, `Stimmt – danke!`: a verb alone in its clause is an answer, not an
        // order, unless its form says plural you (`Seid!`) or a particle follows.
        if next.is_none() && !unambiguous && !particle {
            return None;
        }
        // A verb first with a subject after it is a statement (`Zeigt das, dass…`,
        // `Kümmert die keinen`); with a particle or `!` it is an order (`Holt die Tonne
        // raus!`). Inseparable and -iert forms equal the participle (`Entspannt total.`).
        let pronoun_subject_follows = next.is_some_and(|n| {
            (n.class.has(Class::DETERMINER) || n.class.has(Class::FEMININE_OR_PLURAL_DETERMINER))
                && self
                    .next_in_clause(index + 1)
                    .is_none_or(|after| !after.capital)
        });
        if position == Position::SentenceStart
            && plural
            && !unambiguous
            && !strong
            && !self.is_exclamation(index)
            && (is_participle_shaped(token.word) || pronoun_subject_follows)
        {
            return None;
        }
        // A word no list knows needs a particle: `Radelt mit!`, not `Geschafft!`.
        if unknown_t_word && !particle {
            return None;
        }
        // `Gestaltet wurde das Plakat von…`, `Informiert bleiben`: a participle.
        if plural && !strong && is_participle_shaped(token.word) {
            let participle_context = next.is_none_or(|n| {
                PARTICIPLE_COMPANIONS.contains(&n.word)
                    || (n.word.ends_with("en") && !n.capital && n.class == Class::NONE)
            });
            if participle_context {
                return None;
            }
        }
        if !strong && next.is_some_and(|n| n.class.has(Class::THIRD_PERSON_SUBJECT)) {
            return None; // `Regnet es, …`, `Kommt man…`
        }
        if !strong && next.is_some_and(|n| self.is_t_verb(n) && !n.capital) {
            return None; // `Stadt feiert…`: a headline noun and its verb
        }
        if plural || (unknown_t_word && !singular) {
            Some(Form::Ihr)
        } else {
            Some(Form::Du)
        }
    }

    /// A first person singular with `ich` dropped or inverted: `Freue mich auf…`, `Habe
    /// heute…`, `Werde morgen…`, `…, wünsche ich`. `Werde Teil unseres Teams` (a noun
    /// follows) stays an order.
    fn is_dropped_ich(&self, index: usize) -> bool {
        let Some(token) = self.token(index) else {
            return false;
        };
        let next = self.next_in_clause(index);
        if next.is_some_and(|n| matches!(n.word, "ich" | "mich" | "mir")) {
            return true;
        }
        if !token.class.has(Class::DROPPED_ICH) {
            return false;
        }
        let becomes_noun = token.word == "werde" && next.is_some_and(|n| n.capital);
        !becomes_noun
    }

    /// A verb after a comma whose sentence opened with an adverbial (`Am Mittwoch,
    /// 08.10.2025, findet um 17 Uhr … statt`, `Nach dem Konzert, kommt…`): the verb is in
    /// second place of a statement. A vocative (`Liebe Nachbarn, feiert mit!`) opens with
    /// no preposition or adverb.
    fn is_verb_second(&self, index: usize, position: Position) -> bool {
        if !matches!(position, Position::AfterComma { .. }) {
            return false;
        }
        let Some(sentence) = self.token(index).map(|t| t.sentence) else {
            return false;
        };
        let before_in_sentence = || {
            (0..index)
                .rev()
                .map_while(|i| self.token(i))
                .take_while(|t| t.sentence == sentence)
        };
        // `Die Bibliothek hat neue Zeiten – schaut rein!`: a finite verb before the comma
        // makes what follows a sentence of its own.
        if before_in_sentence().any(|t| {
            t.class.has(Class::THIRD_SINGULAR)
                || t.class.has(Class::PLURAL_IMPERATIVE)
                || t.class.has(Class::PAST_PLURAL)
        }) {
            return false;
        }
        let first = before_in_sentence().last();
        let verb_after_quoted_name = self
            .token(index)
            .is_some_and(|t| t.after_quote && !t.capital);
        verb_after_quoted_name
            || first.is_some_and(|t| {
                (t.class.has(Class::PREPOSITION)
                    || t.class.has(Class::ADVERB)
                    || t.class.has(Class::DETERMINER)
                    || t.class.has(Class::FEMININE_OR_PLURAL_DETERMINER))
                    && !t.class.has(Class::LEAD_IN)
            })
    }

    /// Whether the clause of a sentence-initial verb is followed, after a comma, by a
    /// finite verb or `dann`/`so`: `Steigt die Inzidenz über 100, darf…`, `Stimmt der Rat
    /// zu, beginnt…`.
    fn opens_conditional(&self, index: usize) -> bool {
        let end = self.clause_end(index);
        let Some(after) = self.token(end + 1) else {
            return false;
        };
        if after.before != Boundary::Clause || end == index {
            return false;
        }
        let verb_like = after.class.has(Class::THIRD_SINGULAR)
            || after.class.has(Class::PLURAL_IMPERATIVE)
            || (after.class == Class::NONE && after.word.ends_with('t'));
        matches!(after.word, "dann" | "so") || (!after.capital && verb_like)
    }

    /// A verb right after `und`/`oder` in a sentence that already gave an order:
    /// `Macht es wie die 3a und sammelt Müll`.
    fn coordinated_imperative(&self, index: usize) -> Option<Form> {
        let token = self.token(index)?;
        let conjunction = self.previous_in_clause(index)?;
        if !conjunction.class.has(Class::COORDINATOR)
            || token.capital
            || token.class.has(Class::NOUN_CLASH)
            || self.is_question(index)
        {
            return None;
        }
        if self
            .next_in_clause(index)
            .is_some_and(|n| n.class.has(Class::THIRD_PERSON_SUBJECT))
        {
            return None;
        }
        if token.class.has(Class::PLURAL_IMPERATIVE) {
            Some(Form::Ihr)
        } else if token.class.has(Class::SINGULAR_IMPERATIVE) {
            Some(Form::Du)
        } else {
            None
        }
    }

    /// The particles that make an imperative reading certain: `mal`, `doch`, `vorbei`,
    /// `uns` right after the verb, or a separable particle closing the clause (`Bringt
    /// eure Nachbarn mit!`).
    fn imperative_evidence(&self, index: usize) -> bool {
        let Some(next) = self.next_in_clause(index) else {
            return false;
        };
        if next.class.has(Class::IMPERATIVE_PARTICLE) && !next.class.has(Class::PREPOSITION) {
            return true;
        }
        // `Macht mit beim Stadtputz`, `Schaut vorbei am Samstag`: a separable particle
        // followed by a preposition or adverb, not by the noun it would govern.
        if next.class.has(Class::SEPARABLE_PARTICLE)
            && self.next_in_clause(index + 1).is_none_or(|after| {
                after.class.has(Class::PREPOSITION) || after.class.has(Class::ADVERB)
            })
        {
            return true;
        }
        let end = self.clause_end(index);
        end > index
            && end - index <= 8
            && self.token(end).is_some_and(|last| {
                last.class.has(Class::SEPARABLE_PARTICLE)
                    && (last.exclamation_after || end == index + 1 || {
                        // `mit` right before a sentence end: `Feiert mit.`
                        self.tokens
                            .get(end + 1)
                            .is_none_or(|t| t.before == Boundary::Sentence)
                    })
            })
    }
}

/// Which words may be what a pronoun refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referents {
    /// Noun phrases of people: a determiner with its noun, a title, a name, a plural of
    /// people, coordinated nouns, another pronoun.
    People,
    /// People only by the shape of their noun: a determiner counts only before a noun
    /// that can name people (`die Grünen`, `den Bürgern`; not `der Lage`).
    Persons,
    /// Any noun as well (`Politiker sind Schauspieler, da sie…`): for a lower-case `sie`,
    /// which real posts use for third parties far more often than for the reader.
    AnyNoun,
}

/// Where a possible imperative stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    SentenceStart,
    /// After `Bitte`, `Dann`…; `object_safe` lead-ins allow an object to follow.
    AfterLeadIn {
        object_safe: bool,
    },
    /// After a comma, dash or bracket; `after_subordinate` when the clause before
    /// opened with a conjunction (`Wenn es regnet, findet…`).
    AfterComma {
        after_subordinate: bool,
    },
}

/// Whether the quotation around `offset` opens its line (only spaces before it).
fn quote_opens_line(view: &TextView<'_>, offset: usize) -> bool {
    let Some(quote) = view
        .quotes
        .iter()
        .find(|q| q.start <= offset && offset < q.end)
    else {
        return false;
    };
    let before = view.text.get(..quote.start).unwrap_or_default();
    let line = before.rsplit('\n').next().unwrap_or_default();
    // `„Du hast den Blick“ lautet das Motto…`: a quote that a verb continues is the
    // subject of a sentence about someone else's words.
    let after = view.text.get(quote.end..).unwrap_or_default().trim_start();
    let continued = after.chars().next().is_some_and(char::is_lowercase);
    line.trim().is_empty() && !continued
}

/// Nouns of the formulas of thanks, greeting and request, which name no third party
/// (folded like the tokens: `ß` → `ss`).
const FORMULA_NOUNS: &[&str] = &[
    "dank",
    "verständnis",
    "geduld",
    "grüsse",
    "gruss",
    "hinweis",
    "hinweise",
    "interesse",
    "fragen",
    "frage",
    "anregungen",
    "besuch",
    "teilnahme",
    "unterstützung",
    "mithilfe",
    "rückmeldung",
    "anmeldung",
    "aufmerksamkeit",
    "vertrauen",
    "mitarbeit",
    "einsatz",
];

/// Stems of verbs with which the city addresses its readers.
const ADDRESSING_STEMS: &[&str] = &[
    "bitt",
    "informier",
    "lad",
    "begrüss",
    "grüss",
    "dank",
    "berat",
    "unterstütz",
    "erreich",
    "kontaktier",
    "zitier",
    "frag",
    "empfang",
    "erwart",
    "einlad",
    "benachrichtig",
    "erinner",
    "wünsch",
    "gratulier",
    "verfügung",
    "beruhig",
    "versicher",
    "überzeug",
];

/// Verbs of hoping, thinking and saying that take a clause without `dass` (folded).
const CLAUSE_TAKING_VERBS: &[&str] = &[
    "hoffen",
    "hoffe",
    "glaube",
    "glauben",
    "denke",
    "denken",
    "wette",
    "wetten",
    "weiss",
    "wissen",
    "finde",
    "finden",
    "meine",
    "meinen",
    "wünschen",
    "wünsche",
];

/// Words that open a greeting of the readers.
const VOCATIVE_OPENERS: &[&str] = &[
    "liebe", "lieber", "liebes", "lieben", "sehr", "verehrte", "hallo", "hi", "moin", "servus",
];

/// Verbs before `sie` that tell the reader where to find or get something.
const SERVICE_VERBS: &[&str] = &["finden", "erhalten", "bekommen", "erreichen", "können"];

/// Subjunctives of modal verbs, which open conditions and polite questions.
const MODAL_SUBJUNCTIVES: &[&str] = &[
    "sollten", "könnten", "möchten", "würden", "dürften", "müssten", "wollten",
];

/// Verbs that attribute a quotation to its speaker (`…“, rät die Leiterin`, `…“, so
/// der Bürgermeister`).
const SAYING_VERBS: &[&str] = &[
    "sagt",
    "sagte",
    "rät",
    "riet",
    "betont",
    "betonte",
    "erklärt",
    "erklärte",
    "meint",
    "meinte",
    "fordert",
    "forderte",
    "schreibt",
    "schrieb",
    "ruft",
    "rief",
    "mahnt",
    "mahnte",
    "appelliert",
    "appellierte",
    "so",
    "sagen",
    "sagten",
    "erklären",
    "erklärten",
];

/// A verb of saying right after `„…“,`: it names who said the quotation.
fn attributes_quotation(token: &Token<'_>) -> bool {
    token.after_quote_comma && SAYING_VERBS.contains(&token.word)
}

/// Modals that open a wish about others, not an order: `Sollen sie doch ihre Sachen
/// packen`, `Mögen sie glücklich werden`.
const JUSSIVE_MODALS: &[&str] = &["sollen", "mögen"];

/// Conjunctions of adverbial clauses, which need a main clause after them.
const ADVERBIAL_CONJUNCTIONS: &[&str] = &[
    "wenn", "falls", "sobald", "sofern", "solange", "nachdem", "bevor", "als", "weil", "obwohl",
];

/// Quantifiers before a partitive `von ihnen` (`Wie viele von ihnen…`): a group of others.
const QUANTIFIERS: &[&str] = &[
    "viele", "wieviele", "einige", "manche", "keiner", "keine", "jeder", "jede", "alle", "meisten",
    "wenige", "etliche", "mehrere", "eine", "einer",
];

/// Plural nouns for groups of people (`Bürgerinnen`, `Familien`, `Fachleute`).
fn is_person_plural(word: &str) -> bool {
    [
        "innen", "ien", "leute", "kinder", "eltern", "menschen", "kräfte", "schüler", "bürger",
    ]
    .iter()
    .any(|suffix| word.ends_with(suffix))
}

/// Whether a noun's ending allows a plural of people (`Grünen`, `Bürgern`, `Wähler`,
/// `Kolleginnen`, `Deutsche`, `Angestellte`); `Lage`, `Situation`, `Erkenntnis` name no one.
fn can_name_people(noun: &str) -> bool {
    is_person_plural(noun)
        || ["er", "ern", "en", "in", "sche", "te"]
            .iter()
            .any(|ending| noun.ends_with(ending))
}

/// Nouns ending in -t that no verb list can enumerate (`Gesundheit`, `Dokument`).
fn has_noun_suffix(word: &str) -> bool {
    [
        "heit", "keit", "schaft", "tät", "ment", "kunft", "nacht", "stadt", "markt", "arbeit",
        "zeit", "fahrt", "licht", "recht", "punkt", "ort", "wort", "amt", "kt", "st",
    ]
    .iter()
    .any(|suffix| word.ends_with(suffix))
}

/// A past participle: `gemacht`, `mitgemacht`, `angemeldet` (ge- after an optional
/// separable particle).
fn is_participle(word: &str) -> bool {
    const PARTICLES: [&str; 18] = [
        "", "mit", "an", "ein", "auf", "aus", "vor", "zu", "ab", "bei", "nach", "weg", "zurück",
        "her", "hin", "fest", "teil", "statt",
    ];
    PARTICLES.iter().any(|particle| {
        word.strip_prefix(particle)
            .is_some_and(|rest| rest.starts_with("ge") && rest.chars().count() > 4)
    })
}

/// Words after a participle that is not an imperative: `Gestaltet wurde…`, `Besucht von…`.
const PARTICIPLE_COMPANIONS: &[&str] = &[
    "wurde", "wurden", "wird", "werden", "ist", "sind", "war", "waren", "hat", "haben", "von",
    "vom", "durch", "und", "oder",
];

/// Inseparable prefixes and -iert: the 2nd person plural equals the participle
/// (`besucht`, `informiert`), so the imperative needs a verb context.
fn is_participle_shaped(word: &str) -> bool {
    (word.ends_with("iert") && !word.ends_with("eiert"))
        || ["be", "ge", "er", "ver", "ent", "zer", "über", "unter"]
            .iter()
            .any(|prefix| word.starts_with(prefix))
}

/// The gap between two words of the folded text.
struct Gap {
    sentence_end: bool,
    clause_end: bool,
    joined: bool,
    only_period: bool,
    /// Only emoji or other symbols, no punctuation or line break.
    only_symbols: bool,
    exclamation: bool,
    question: bool,
    colon: bool,
    quote: bool,
    /// A comma after a quotation mark.
    quote_comma: bool,
}

impl Gap {
    fn scan(view: &TextView<'_>, folded: &crate::text::fold::Folded, range: Range<usize>) -> Gap {
        let mut gap = Gap {
            sentence_end: range.start == 0,
            clause_end: false,
            joined: false,
            only_period: false,
            only_symbols: false,
            exclamation: false,
            question: false,
            colon: false,
            quote: false,
            quote_comma: false,
        };
        let text = folded.as_str();
        let Some(between) = text.get(range.clone()) else {
            return gap;
        };
        // Most gaps are one space: nothing to look up.
        if between == " " {
            return gap;
        }
        let mut marks = 0;
        let mut periods = 0;
        let mut symbols = 0;
        let mut line_breaks = 0;
        for (offset, ch) in between.char_indices() {
            let at = range.start + offset;
            let original = folded.original(at..at + ch.len_utf8());
            if matches!(
                view.region_at(original.start),
                Region::Url | Region::Mention
            ) {
                continue;
            }
            match ch {
                '.' => {
                    periods += 1;
                    marks += 1;
                }
                '!' => {
                    gap.exclamation = true;
                    marks += 1;
                }
                '?' => {
                    gap.question = true;
                    marks += 1;
                }
                ':' => {
                    gap.colon = true;
                    marks += 1;
                }
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                    marks += 1;
                    line_breaks += 1;
                }
                '…' => marks += 1,
                ',' => {
                    gap.clause_end = true;
                    gap.quote_comma |= gap.quote;
                }
                ';' | '–' | '—' | '(' | ')' | '[' | ']' => gap.clause_end = true,
                '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '»' | '«' => {
                    gap.clause_end = true;
                    gap.quote = true;
                }
                '-' | '/' => {
                    // `Du-Form`, `Sie/Ihr` are compounds; ` - ` is a dash.
                    if between.chars().count() == 1 {
                        gap.joined = true;
                    } else {
                        gap.clause_end = true;
                    }
                }
                c if c.is_whitespace() => {}
                '#' | '@' | '&' | '+' | '*' | '%' | '§' | '€' | '$' | '=' | '_' | '<' | '>'
                | '~' | '|' | '°' | '²' | '³' => {}
                // Emoji and other symbols end a sentence in a post: `Stadtfest 🎉 Kommt…`.
                _ => {
                    marks += 1;
                    symbols += 1;
                }
            }
        }
        // A line broken inside a sentence (`ich sie⏎heute begrüßen darf`) goes on in
        // lower case; a new line with a capital is a new sentence, as in a list or a
        // heading.
        let continues_in_lower_case = range.end < text.len() && {
            let written = folded.original(range.end..range.end + 1).start;
            view.text
                .get(written..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_lowercase)
        };
        gap.sentence_end |= marks > 0 && !(marks == line_breaks && continues_in_lower_case);
        gap.only_period = periods > 0 && periods == marks;
        gap.only_symbols = symbols > 0 && symbols == marks;
        gap
    }

    fn boundary(&self, previous: Option<(&str, Class)>) -> Boundary {
        if self.joined {
            return Boundary::Joined;
        }
        if self.sentence_end {
            // `am 4. Mai`, `Nr. 5`: the period of an ordinal or abbreviation.
            let ordinal_or_abbreviation = previous.is_some_and(|(word, class)| {
                word.chars().all(|c| c.is_ascii_digit()) || class.has(Class::ABBREVIATION)
            });
            if self.only_period && ordinal_or_abbreviation {
                return Boundary::Space;
            }
            // `nur die🇩🇪 lieben sie`: an emoji after an article stands for its noun.
            // (Words are classified after the split, so the article is known by its form.)
            let article = previous.is_some_and(|(word, _)| {
                matches!(word, "der" | "die" | "das" | "den" | "dem" | "des")
            });
            if self.only_symbols && article {
                return Boundary::Space;
            }
            return Boundary::Sentence;
        }
        if self.clause_end {
            return Boundary::Clause;
        }
        Boundary::Space
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extract::Extractor;

    fn analyse(text: &str) -> Vec<(Form, Marker, String)> {
        let extractor = Extractor::new().unwrap();
        let view = TextView::new(text, &extractor);
        let grammar = Grammar::new();
        grammar
            .analyse_view(&view)
            .iter()
            .map(|a| (a.form, a.marker, text[a.span.clone()].to_owned()))
            .collect()
    }

    fn forms(text: &str) -> Vec<String> {
        analyse(text)
            .into_iter()
            .map(|(form, marker, word)| format!("{form:?}/{marker:?}:{word}"))
            .collect()
    }

    /// Classes of every token, by the lexicon search and by the lookup.
    fn classes_both_ways(text: &str) -> (Vec<Class>, Vec<Class>) {
        let extractor = Extractor::new().unwrap();
        let view = TextView::new(text, &extractor);
        let words = Words::new();
        let mut tokens = Sentences::new(&view, &words).tokens;
        tokens.iter_mut().for_each(|t| t.class = Class::NONE);
        classify_by_lexicon(&mut tokens, &view, &words);
        let by_lexicon = tokens.iter().map(|t| t.class).collect();
        tokens.iter_mut().for_each(|t| t.class = Class::NONE);
        classify_by_lookup(&mut tokens, words.by_folded_word.as_ref().unwrap());
        (by_lexicon, tokens.iter().map(|t| t.class).collect())
    }

    #[test]
    fn lookup_gives_the_lexicon_classes() {
        let every_word = super::super::words::word_classes()
            .keys()
            .cloned()
            .collect::<Vec<_>>();
        for text in [
            every_word.join(" "),
            every_word.join(", ").to_uppercase(),
            "#MachMit #WirSindDabei @du Komm vorbei, D\u{200B}u! S.i.e. ſie Ｄｕ".to_owned(),
            "Lies das: https://example.com/du?ihr=sie und mail du@example.com".to_owned(),
        ] {
            let (by_lexicon, by_lookup) = classes_both_ways(&text);
            assert_eq!(by_lexicon, by_lookup, "{text}");
            assert!(by_lookup.iter().filter(|c| **c != Class::NONE).count() > 3);
        }
    }

    #[test]
    fn words_folding_to_several_characters_at_an_edge_use_the_lexicon() {
        let extractor = Extractor::new().unwrap();
        let view = TextView::new("#LIEẞ", &extractor);
        let folded = view.folded();
        assert_eq!(folded.as_str(), "#liess");
        assert!(edge_shares_origin(folded, 1..6));
        let view = TextView::new("Straße", &extractor);
        let folded = view.folded();
        assert!(!edge_shares_origin(folded, 0..folded.as_str().len()));
    }

    #[test]
    fn informal_pronouns_and_imperatives() {
        assert_eq!(forms("Macht mit beim Stadtputz!"), ["Ihr/Imperative:Macht"]);
        assert_eq!(forms("Schaut vorbei!"), ["Ihr/Imperative:Schaut"]);
        assert_eq!(forms("Komm vorbei!"), ["Du/Imperative:Komm"]);
        assert_eq!(
            forms("Meldet euch bis Freitag an!"),
            ["Ihr/Imperative:Meldet", "Ihr/Pronoun:euch"]
        );
        assert_eq!(forms("Habt ihr Fragen?"), ["Ihr/Pronoun:ihr"]);
        assert_eq!(
            forms("Feiert mit uns 50 Jahre Städtepartnerschaft!"),
            ["Ihr/Imperative:Feiert"]
        );
        assert_eq!(forms("Hier findet ihr alle Infos."), ["Ihr/Pronoun:ihr"]);
        assert_eq!(
            forms("Wenn ihr Fragen habt, ruft an."),
            ["Ihr/Pronoun:ihr", "Ihr/Imperative:ruft"]
        );
        assert_eq!(
            forms("Hast du schon deinen Ausweis?"),
            ["Du/Pronoun:du", "Du/Pronoun:deinen"]
        );
    }

    #[test]
    fn she_they_her_readings_are_not_address() {
        assert!(forms("Sie ist seit 20 Jahren im Ehrenamt.").is_empty());
        assert!(forms("Die Kinder stellten ihr Projekt vor.").is_empty());
        assert!(forms("Die Stadt gratuliert ihr zum 100. Geburtstag.").is_empty());
        assert!(forms("Kommt die Müllabfuhr am Samstag?").is_empty());
        assert!(forms("Der Film „Sie küssten und sie schlugen ihn“ läuft.").is_empty());
        assert!(forms("Wir singen „Kommt ein Vogel geflogen“.").is_empty());
        assert!(forms("Macht und Verantwortung im Rat: ein Vortrag.").is_empty());
    }

    #[test]
    fn formal_address_capitalised_and_lowercase() {
        assert_eq!(forms("Kommen Sie vorbei!"), ["Formal/Pronoun:Sie"]);
        assert_eq!(forms("Ihr Bürgermeister"), ["Formal/Pronoun:Ihr"]);
        assert_eq!(
            forms("Bitte füllen sie das Formular aus."),
            ["Formal/Lowercase:sie"]
        );
        assert_eq!(forms("Wir informieren sie gern."), ["Formal/Lowercase:sie"]);
        assert_eq!(
            forms("Vielen Dank für ihr Verständnis!"),
            ["Formal/Lowercase:ihr"]
        );
        assert!(forms("Sie kamen zu Hunderten.").is_empty());
    }

    #[test]
    fn evasions_fold_to_the_words() {
        assert_eq!(forms("Meldet e\u{200B}uch an!").len(), 2);
        assert_eq!(forms("Hast d u Zeit?"), ["Du/Pronoun:d u"]);
        assert_eq!(forms("Wir freuen uns auf еuch."), ["Ihr/Pronoun:еuch"]);
    }

    /// Real municipal sentences and real posts that were read as an order: separable
    /// verbs after an adverbial, dropped `ich`, verb-first conditions, reported speech.
    #[test]
    fn regression_real_third_and_first_person_is_not_address() {
        for text in [
            "Am Mittwoch, 08.10.2025, findet um 17:00 Uhr im Sitzungssaal des Rathauses die Sitzung statt.",
            "gravityshift gibt Unternehmen neue Möglichkeiten.",
            "Möge 2021 so viel Glück und Gesundheit bringen.",
            "Zum neuen Jahr wünsche ich von ganzem Herzen alles Gute.",
            "Freue mich auf den Besuch in Elsen.",
            "Habe heute den neuen Spielplatz eröffnet.",
            "Drücke Daumen für morgige Abstimmung",
            "Wünsche allen ein frohes Fest!",
            "Werde morgen in Berlin sein.",
            "Nehme an, dass es regnet.",
            "Steigt die Inzidenz über 100, darf der Markt nicht öffnen.",
            "Stimmt der Rat dem Antrag der SPD-Fraktion zu, beginnt der Bau im Mai.",
            "Was @x sagt!",
            "Stimmt - vielen Dank für den Hinweis!",
            "lach, genieß sie, die weiten",
            "Vllt morgen.",
            "Bleibt zu hoffen, dass es bald besser wird.",
            "Soweit uns bekannt ist, ist eine Person betroffen.",
            "Stellt sich die Frage, wer zahlt.",
            "Zeigt das diese Parteien nichts gelernt haben.",
            "Wenn das anders aussieht, tut uns das leid.",
            "„Sälzer Lagune“ öffnet am 1. Mai.",
            "Die „VHS vor Ort“ präsentiert ihr neues Bildungsangebot.",
            "„Du hast den Blick – Das ist Deine Stadt“ lautet das Motto des Wettbewerbs.",
            "sollten sie ihre Verpflichtungen nicht einhalten, droht ein Bußgeld.",
            "#Bundeswehr sagt, sie sei gut aufgestellt.",
            "Renate Künast hat ihr Buch vorgestellt.",
            "Die Demonstranten müssen sich fürchten. Bewaffnung mit Gummigeschossen. Dann laufen sie.",
            "Politiker sind Schauspieler, da sie ihre Rollen spielen.",
            "„Kommt alle zum Stadtfest!“, sagt der Bürgermeister.",
        ] {
            assert_eq!(forms(text), Vec::<String>::new(), "{text}");
        }
    }

    /// Replies and other writing to one person: who a lower-case `sie` is there.
    #[test]
    fn replies_address_the_account_answered() {
        let lowercase = |word: &str| vec![format!("Formal/Lowercase:{word}")];
        for (text, expected) in [
            (
                "@anwohner Ich denke, sie verkennen die Lage.",
                lowercase("sie"),
            ),
            (
                "@anwohner Ich kann sie beruhigen: Der Weg ist frei.",
                lowercase("sie"),
            ),
            ("@anwohner Stehen sie auch dahinter?", lowercase("sie")),
            ("@anwohner Ach, warten sie doch ab.", lowercase("sie")),
            (
                "Bitte bringen Sie den Antrag mit. Wir melden uns, sobald ihre Unterlagen geprüft sind.",
                vec![
                    "Formal/Pronoun:Sie".to_owned(),
                    "Formal/Lowercase:ihre".to_owned(),
                ],
            ),
            (
                "Gerne beraten wir sie persönlich im Bürgerbüro.",
                lowercase("sie"),
            ),
            (
                "Für Rückfragen stehen wir ihnen gern zur Verfügung.",
                lowercase("ihnen"),
            ),
            ("Bleiben sie geboten vorsichtig.", lowercase("sie")),
            // Others spoken of, in replies too.
            (
                "@anwohner Die Kinder sind toll, ich finde, sie machen das gut.",
                vec![],
            ),
            ("@anwohner Wie viele von ihnen sind schon geimpft?", vec![]),
            (
                "@anwohner Ich nehme sie in den Arm, wenn sie weint.",
                vec![],
            ),
            ("@anwohner Wo bleiben die nur mit ihrem Bus?", vec![]),
            (
                "@anwohner Ich kenne die Zahlen, über die sie berichten.",
                vec![],
            ),
            (
                "@anwohner Wenn die Partei nicht einlenkt, werden sie verlieren.",
                vec![],
            ),
            (
                "@anwohner Diese Frau ist gut, mit ihrer Hilfe schaffen wir es.",
                vec![],
            ),
            ("Sollen sie doch ihre Sachen packen.", vec![]),
            ("Nennen wir sie beim Namen.", vec![]),
            ("Erst wenn die Bürger protestieren. Merken sie es.", vec![]),
            ("Das glauben nur die 🇩🇪 lieben sie!", vec![]),
        ] {
            assert_eq!(forms(text), expected, "{text}");
        }
    }

    /// Real informal and lower-case formal address that must stay found.
    #[test]
    fn regression_real_address_stays_found() {
        for (text, expected) in [
            (
                "Ihr habt Lust aufs Skaten? Dann ist der neue Park genau das Richtige für euch!",
                &["Ihr/Pronoun:Ihr", "Ihr/Pronoun:euch"][..],
            ),
            ("Nutze deine Chance!", &["Du/Pronoun:deine"]),
            ("Seid dabei beim Stadtlauf.", &["Ihr/Imperative:Seid"]),
            ("Werde Teil unseres Teams!", &["Du/Imperative:Werde"]),
            (
                "Jugendbeteiligung\n„Eure Stimme. Eure Zukunft.“ – die Stadt lädt ein.",
                &["Ihr/Pronoun:Eure", "Ihr/Pronoun:Eure"],
            ),
            ("Tun sie endlich was", &["Formal/Lowercase:sie"]),
            ("Melden sie sich bis Freitag an.", &["Formal/Lowercase:sie"]),
            ("Wir bitten sie um Verständnis.", &["Formal/Lowercase:sie"]),
            (
                "das fragen sie dann bitte frau Müller",
                &["Formal/Lowercase:sie"],
            ),
            (
                "Liebe Bürgerinnen und Bürger, ich lade sie alle herzlich ein.",
                &["Formal/Lowercase:sie"],
            ),
            (
                "Ich freue mich, dass ich sie\nheute begrüßen darf.",
                &["Formal/Lowercase:sie"],
            ),
            ("Hast ja Recht.", &["Du/Imperative:Hast"]),
            // A noun before (`Formular`) does not own the formula of thanks.
            (
                "Bitte füllen sie das Formular aus. Vielen Dank für ihr Verständnis!",
                &["Formal/Lowercase:sie", "Formal/Lowercase:ihr"],
            ),
            ("Gute Nacht, ihr Lieben!", &["Ihr/Pronoun:ihr"]),
            ("Wir hoffen ihr findet den Weg.", &["Ihr/Pronoun:ihr"]),
            ("Sagt mal, geht das noch?", &["Ihr/Imperative:Sagt"]),
            (
                "Herr Maas, haben sie noch den Überblick?",
                &["Formal/Lowercase:sie"],
            ),
            (
                "Herr Maas haben sie noch den Überblick?",
                &["Formal/Lowercase:sie"],
            ),
            ("Was ist ihr Statement dazu?", &["Formal/Lowercase:ihr"]),
            (
                "Tun Sie uns den Gefallen und gehen sie in Rente!",
                &["Formal/Pronoun:Sie", "Formal/Lowercase:sie"],
            ),
        ] {
            assert_eq!(forms(text), expected, "{text}");
        }
    }
}
