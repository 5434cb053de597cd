"""General word lists for the quotes stage: speech cues, naming words, pronouns, group nouns."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce speech or writing. Matched on the lemma when the tagger calls the
# token a verb; the unambiguous forms in CUE_FORMS are accepted whatever the tag.
SPEECH_LEMMAS = _words(
    """
    acknowledge add admit agree allege announce answer argue ask assert assure blast boast
    brag caution chant charge claim comment complain concede conclude confirm contend
    continue counter cry declare demand deny describe emphasise emphasize exclaim explain
    echo grumble huff inform insist interject interrupt joke lament laugh maintain marvel
    mention mock muse mutter note observe opine plead pledge posit post preach predict proclaim
    promise pronounce protest quip quote rail reassure recall recite recount reiterate
    remark repeat reply report respond retort say scoff scream shout sigh sing snap sneer
    speak state stress suggest swear talk tell testify threaten thunder tout tweet
    underscore urge vow warn whisper wonder write yell
    """
)
CUE_FORMS = _words(
    """
    acknowledged add added adds admitted argued asked asks asserted cautioned chant
    chanted chanting chants conceded contended cried declared declares emphasised
    emphasized exclaimed explained explains insisted insists muttered noted notes
    proclaimed quipped recalled recounted reiterated remarked replied responded retorted
    said sang say saying says screamed shouted stated states stressed tell telling tells
    testified told tweeted vowed warned warns whispered write writes written wrote yelled
    """
)
# Cue verbs whose clausal complement is reported speech (indirect quotes).
INDIRECT_LEMMAS = _words(
    """
    acknowledge add admit agree allege announce argue assert assure caution claim complain
    concede confirm contend declare deny disclose emphasise emphasize estimate explain
    indicate inform insist maintain note predict promise recall reiterate reply report
    respond reveal say state stress suggest tell testify tweet vow warn write
    """
)
# Nouns whose "that" clause says what the noun holds, not what the cue's subject says:
# "denied accusations that it arms the group" reports the accusation, not the denier.
CONTENT_NOUNS = _words(
    """
    accusation allegation assertion belief charge claim concern doubt fear hope idea
    impression notion possibility report rumor rumour speculation suggestion suspicion
    """
)
# Words before a quoted phrase that make it a name or a term rather than speech.
NAMING_WORDS = _words(
    """
    a.k.a. aka billed branded called christened coined dubbed entitled hashtag headlined
    known label labeled labelled motto named nicknamed phrase slogan so-called styled
    tagged term termed titled word words
    """
)
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
SELF_PRONOUNS = frozenset({"i", "we", "me", "us", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
GROUP_NOUNS = _words(
    """
    activists advisers advisors aides attendees audience band boys commanders crowd crowds
    delegates demonstrators fighters followers girls group groups guards gunmen insurgents
    leaders loyalists marchers members men militants militiamen mourners officers
    officials organizers participants people protesters protestors rebels recruits
    representatives residents soldiers spokesmen squad staff staffers students supporters
    team troops unit units villagers volunteers voters women workers youths
    """
)
GROUP_LINK_PREPS = frozenset({"with", "of", "from", "in", "for"})
HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "sheikh": "m",
    "father": "m",
    "brother": "m",
    "ayatollah": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "madam": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
    "dame": "f",
}
FEMALE_NAMES = _words(
    """
    abigail aisha alexis alice amanda amber amina amy andrea angela ann anna anne ashley
    barbara betty beverly brenda brittany camille carol carolyn catherine charlotte
    chelsea cheryl chloe christina christine claire condoleezza cynthia danielle deborah
    debra denise diana diane donna doris dorothy elizabeth emily emma erin eva evelyn
    fatima frances gloria grace greta hala hanna hannah heather helen hilary hillary huma
    ines ingrid irina isabella ivanka jacqueline janet janice jean jennifer jessica joan
    joyce judith judy julia julie kamala karen katherine kathleen kathryn kayla kelly
    kellyanne kimberly laura lauren layla leila lina linda lisa loretta madeleine madison
    margaret maria mariam marie marilyn marine martha mary maryam megan melania melissa
    michele michelle nadia nancy natalia natalie nicole nikki nina noor olga olivia pamela
    patricia rachel rania rebecca rose ruth samantha sandra sara sarah sharon shirley
    sonia sophia sophie stephanie susan svetlana teresa theresa tulsi valerie victoria
    virginia yasmin zainab
    """
)
MALE_NAMES = _words(
    """
    aaron abdul abu adam ahmad ahmed alan albert alexander ali ammar andrew anthony arthur
    austin barack bashar ben benjamin bernie bill billy binyamin bobby boris brandon brian
    bruce bryan carl charles chris christian christopher daniel david dennis dmitri donald
    douglas dylan edward elijah emmanuel eric ethan eugene francois frank gabriel gary
    george gerald gregory hadi haidar haider harold hassan henry hussein ibrahim igor ivan
    jack jacob jacques james jason jean jeb jeffrey jeremy jerry jesse joe john jonathan
    jordan jose joseph joshua juan justin karim keith kenneth kevin khalid kim kyle larry
    lawrence logan louis mahmoud marco mark mason matthew michael mike mitch mohammed
    moqtada muhammad mustafa nathan newt nicholas nigel noah nouri nuri omar patrick paul
    peter philip pierre qais ralph rand randy raymond recep reince richard robert roger
    ronald roy rudy russell ryan samuel scott sean sergei stephen steven tariq ted terry
    thomas tim timothy tyler vincent vladimir walter wayne william willie xi youssef yusuf
    zachary
    """
)
# Verbs that report speech only with their particle ("shot back", "went on").
PHRASAL_CUES = frozenset(
    {
        ("shoot", "back"),
        ("fire", "back"),
        ("hit", "back"),
        ("push", "back"),
        ("go", "on"),
        ("chime", "in"),
        ("point", "out"),
        ("weigh", "in"),
        ("cut", "in"),
        ("break", "in"),
    }
)
# Nouns for people, bodies and documents that speak (besides GROUP_NOUNS and names);
# "the symbolism", "the poll" or "percent" do not.
AGENT_NOUNS = _words(
    """
    adviser advisor aide ally analyst anchor author board campaign candidate chair
    chairman chairwoman chief church citizen coach commission committee congressman
    congresswoman correspondent council couple court critic delegate department
    director doctor economist editor envoy executive expert father friend governor
    guy host husband judge lawmaker lawyer leader man manager mayor minister mother
    narrator nominee office official opponent panel parent party person police
    president prosecutor rabbi rep representative republican democrat secretary senator
    sheriff source speaker spokesman spokeswoman spokesperson statement strategist
    student supporter teacher veteran victim voter wife witness woman
    ad article book column email letter memo message op-ed post release report
    sign tweet website
    president resident student agent opponent correspondent respondent government
    administration agency ministry embassy company network newspaper paper magazine
    organization union actress actor magnate hopeful advocate fan nurse star surrogate
    faction outlet media document filing story analysis study investigation indictment
    complaint lawsuit memoir biography interview transcript excerpt
    """
)
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "man", "woman", "person")
# Institutions that speak though the text names them by a common noun: word -> (the group
# its mentions join within a document, the organisation's kind). "the army", "troops" and
# "the armed forces" are one state force; "authorities" are the government.
INSTITUTIONS = {
    "army": ("armed forces", "state_force"),
    "military": ("armed forces", "state_force"),
    "armed forces": ("armed forces", "state_force"),
    "troops": ("armed forces", "state_force"),
    "soldiers": ("armed forces", "state_force"),
    "security forces": ("armed forces", "state_force"),
    "general staff": ("general staff", "state_force"),
    "high command": ("high command", "state_force"),
    "police": ("police", "state_force"),
    "gendarmerie": ("gendarmerie", "state_force"),
    "navy": ("navy", "state_force"),
    "air force": ("air force", "state_force"),
    "government": ("government", "government"),
    "authorities": ("government", "government"),
    "ministry": ("ministry", "government"),
    "presidency": ("presidency", "government"),
    "cabinet": ("cabinet", "government"),
    "junta": ("junta", "government"),
}
# People who speak for an organisation when the phrase names it ("a Hamas official").
ROLE_NOUNS = _words(
    """
    official source spokesman spokeswoman spokesperson officer commander figure member
    representative chief head leader aide adviser advisor diplomat minister governor
    administrator prosecutor guard negotiator envoy delegate lawmaker legislator agent
    soldier fighter militant insider staffer authority deputy mayor president secretary
    director general colonel captain
    """
)
# A soldier's rank alone ("one of the officers") speaks for the state force.
FORCE_ROLES = _words("officer commander soldier")
# Documents that speak for whoever issued them ("a statement from the general staff").
SOURCE_NOUNS = _words("statement communique communiqué report release message bulletin letter")
# Words before a role that name no side ("a senior officer", "the local commander").
NEUTRAL_MODIFIERS = _words(
    "senior local regional top high-ranking junior district provincial another other the a an"
)
AFFILIATION_PREPS = frozenset({"of", "from", "for", "with", "within", "in", "at", "inside"})
# "one of the officers": the speaker is the noun after "of".
PARTITIVE_WORDS = _words("one some another several many each most all none")
# Lemmas of armed violence. A text dense in them is conflict reporting, where quoted words
# inside a reported clause ('said a "small group" attacked') are counted as the speaker's
# direct quotes, as the project's conflict gold counts them; in other reporting they stay
# part of the indirect quote (PolNeAR's convention).
CONFLICT_LEMMAS = _words(
    """
    kill killing attack militant rebel insurgent insurgency jihadist gunman militia
    militiaman troop soldier army clash fighter airstrike bomb bombing shelling wound
    casualty raid ambush massacre offensive ceasefire combat battle dead hostage abduct
    kidnap terrorist explosive drone missile rocket artillery assailant sniper mortar
    convoy gunfire shoot fire
    """
)
CONFLICT_SHARE = 0.025  # share of a text's words
CONFLICT_MIN = 3  # and at least this many of them
