/* tools/genprofiles.c — writes N synthetic, valid, varied school profiles for the Zoetermeer rules, the same for the same seed.
 *
 *   genprofiles N SEED DIR
 *
 * Writes DIR/school-00001.yaml … (about 4 KB each). The mix, decided per profile by the seed:
 *   about 50 % compliant    every norm met, ambitions at random;
 *   about 30 % failing      one to three agreements (or the inspection judgement) fail on one or two items;
 *   about 20 % incomplete   one to three norm items left empty, written `key:`, `key: ~` or left out.
 * The shape of the profile is hand-written from rules/zoetermeer-2023.rules: the table `items`
 * below lists every item once, with the picker that draws its value. Text fields (brin, naam,
 * bestuur, wijk) and comments vary; so does the YAML style (nested or dotted keys, quoting, flow
 * or block lists). On stdout: how many of each kind were written, to compare with a check run. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- splitmix64: small, fast, the same everywhere -------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* 0 .. n-1 */
static unsigned rng_below(unsigned n)
{
    return (unsigned)(rng_next() % n);
}

/* true with probability percent/100 */
static int rng_chance(unsigned percent)
{
    return rng_below(100) < percent;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rng_below(COUNT(a))])

/* --- dates as days since 1970-01-01 (Howard Hinnant's civil calendar) -------------------------- */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, m % 100u, d % 100u);
}

/* --- what a value may be ------------------------------------------------------------------------ */

typedef enum {
    K_INSPECTIE,   /* scale inspectieoordeel, norm voldoende or better */
    K_SOORT,       /* scale schoolsoort, a field */
    K_AT_SCHOOL,   /* scale niveau, norm at school */
    K_AT_SWV,      /* scale niveau, norm at swv (school .. swv) */
    K_NIVEAU_AMB,  /* scale niveau, ambition only */
    K_JA,          /* yesno, norm is ja */
    K_JA_AMB,      /* yesno, ambition only */
    K_HGW,         /* percent in bands hgw, norm ontwikkeld (70) or better */
    K_BETROKKENEN, /* set of betrokkene, norm contains leerkracht, ib, ouders */
    K_EVALUATIES,  /* number 0..52, norm at least 2 */
    K_ACTIEF,      /* scale status, norm actief */
    K_BESCHIKBAAR, /* scale status, norm beschikbaar or better */
    K_SOP_DATUM,   /* date, norm within 12 months before peildatum */
} kind;

typedef struct item {
    const char *id;   /* as in the rules: group.name (school fields under school:) */
    kind kind;
    int agreement;    /* 1..14 for A1..A14, 0 for the promise P1's own item, -1 for a field */
} item;

/* Every item of rules/zoetermeer-2023.rules, in its order, grouped as a profile writes them. */
static const item items[] = {
    {"school.soort", K_SOORT, -1},
    {"school.inspectie_oordeel", K_INSPECTIE, 0},
    {"aanbod.dyscalculie", K_AT_SCHOOL, 1},
    {"aanbod.dyslexie", K_AT_SCHOOL, 1},
    {"aanbod.laagbegaafdheid", K_AT_SCHOOL, 1},
    {"aanbod.hoogbegaafdheid", K_AT_SCHOOL, 1},
    {"aanbod.motorisch_fysiek", K_AT_SCHOOL, 1},
    {"aanbod.sociaal_emotioneel", K_AT_SCHOOL, 1},
    {"aanbod.leer_opgroei_opvoedproblemen", K_AT_SCHOOL, 1},
    {"aanbod.leesproblemen", K_AT_SCHOOL, 1},
    {"aanbod.rekenproblemen", K_NIVEAU_AMB, 1},
    {"aanbod.executieve_functies", K_NIVEAU_AMB, 1},
    {"aanpak.emotionele_ontwikkeling", K_AT_SCHOOL, 2},
    {"aanpak.sociale_veiligheid", K_AT_SCHOOL, 2},
    {"aanpak.sociale_vaardigheden", K_NIVEAU_AMB, 2},
    {"aanpak.executieve_functies", K_NIVEAU_AMB, 2},
    {"aanpak.rekenproblemen", K_NIVEAU_AMB, 2},
    {"instrument.hoogbegaafdheid", K_AT_SCHOOL, 2},
    {"methode.leesproblemen", K_AT_SCHOOL, 2},
    {"specialisme.ib", K_AT_SCHOOL, 3},
    {"specialisme.rekenen_taal", K_AT_SWV, 3},
    {"specialisme.hoogbegaafdheid", K_NIVEAU_AMB, 3},
    {"specialisme.laagbegaafdheid", K_NIVEAU_AMB, 3},
    {"specialisme.nt2", K_NIVEAU_AMB, 3},
    {"voorziening.nt2_klas", K_AT_SWV, 4},
    {"veiligheid.inzicht", K_JA, 5},
    {"veiligheid.beleid", K_JA, 5},
    {"veiligheid.respectvolle_omgang", K_JA, 5},
    {"hgw.onderwijsbehoeften", K_HGW, 6},
    {"hgw.samenhang", K_HGW, 6},
    {"hgw.eigen_handelen", K_HGW, 6},
    {"hgw.invloed", K_HGW, 6},
    {"hgw.passend_arrangeren", K_HGW, 6},
    {"hgw.wat_wel_kan", K_HGW, 6},
    {"hgw.eigenaarschap", K_HGW, 6},
    {"hgw.ouders", K_HGW, 6},
    {"hgw.smart_doelen", K_HGW, 6},
    {"hgw.planmatig", K_HGW, 6},
    {"hgw.evalueren", K_HGW, 6},
    {"hgw.structuur", K_HGW, 6},
    {"hgw.samen_reflecteren", K_HGW, 6},
    {"hgw.instrumentarium", K_HGW, 6},
    {"ouders.samenwerking", K_JA, 7},
    {"ouders.taak_leerkracht", K_JA, 7},
    {"ihi.ondersteuningsteam", K_JA, 8},
    {"ihi.procedure", K_JA, 8},
    {"ihi.betrokkenen", K_BETROKKENEN, 8},
    {"aanmelding.onderzoek", K_JA, 9},
    {"aanmelding.zorgplicht", K_JA, 9},
    {"aanmelding.warme_overdracht", K_JA, 9},
    {"sector.bao", K_JA, 10},
    {"sector.sbo", K_JA, 10},
    {"sector.vo", K_JA, 10},
    {"sector.so", K_JA, 10},
    {"sector.vso", K_JA, 10},
    {"partner.cjg", K_JA, 11},
    {"partner.jeugdhulp", K_JA, 11},
    {"partner.jgz", K_JA, 11},
    {"partner.leerplichtambtenaar", K_JA, 11},
    {"partner.schoolmaatschappelijk_werk", K_JA, 11},
    {"partner.voorschoolse_voorzieningen", K_JA, 11},
    {"partner.fysiotherapeut", K_JA_AMB, 11},
    {"partner.logopedist", K_JA_AMB, 11},
    {"opp.opgesteld", K_JA, 12},
    {"opp.evaluaties_per_jaar", K_EVALUATIES, 12},
    {"opp.met_ouders", K_JA, 12},
    {"opp.ib_verantwoordelijk", K_JA, 12},
    {"protocol.meldcode", K_ACTIEF, 13},
    {"protocol.anti_pesten", K_ACTIEF, 13},
    {"protocol.dyslexie", K_ACTIEF, 13},
    {"protocol.gedrag_sociale_veiligheid", K_ACTIEF, 13},
    {"protocol.schorsen_verwijderen", K_ACTIEF, 13},
    {"protocol.verzuim_thuiszitters", K_ACTIEF, 13},
    {"protocol.hoogbegaafdheid", K_ACTIEF, 13},
    {"protocol.dyscalculie", K_BESCHIKBAAR, 13},
    {"protocol.medisch_handelen", K_BESCHIKBAAR, 13},
    {"protocol.zieke_leerlingen", K_BESCHIKBAAR, 13},
    {"protocol.rouw_overlijden", K_BESCHIKBAAR, 13},
    {"sop.vastgesteld", K_JA, 14},
    {"sop.in_schoolgids", K_JA, 14},
    {"sop.laatst_geactualiseerd", K_SOP_DATUM, 14},
};
#define NITEMS COUNT(items)

/* The comment a careful school writes above each group (the agreement's title). */
static const char *const group_titles[][2] = {
    {"aanbod", "Afspraak 1: onderwijsaanbod (norm: op schoolniveau)"},
    {"aanpak", "Afspraak 2: aanpakken en instrumenten (norm: op schoolniveau)"},
    {"instrument", "Afspraak 2: signaleringsinstrument"},
    {"methode", "Afspraak 2: preventieve methode"},
    {"specialisme", "Afspraak 3: specialismen"},
    {"voorziening", "Afspraak 4: voorzieningen (norm: samenwerkingsverband of dichterbij)"},
    {"veiligheid", "Afspraak 5: veiligheid"},
    {"hgw", "Afspraak 6: handelingsgericht werken, percentages (norm: ontwikkeld, 70 of meer)"},
    {"ouders", "Afspraak 7: samenwerking met ouders"},
    {"ihi", "Afspraak 8: ondersteuningsteam en IHI"},
    {"aanmelding", "Afspraak 9: aanmelding en zorgplicht"},
    {"sector", "Afspraak 10: samenwerking met onderwijssectoren"},
    {"partner", "Afspraak 11: keten-, kern- en Meerpuntpartners"},
    {"opp", "Afspraak 12: ontwikkelingsperspectiefplan (OPP)"},
    {"protocol", "Afspraak 13: protocollen"},
    {"sop", "Afspraak 14: schoolondersteuningsprofiel (SOP)"},
};

/* Remarks schools leave behind a value. */
static const char *const remarks[] = {
    "besproken in het MT",
    "zie jaarverslag",
    "nog te bevestigen door de IB'er",
    "sinds dit schooljaar",
    "via het bestuur geregeld",
    "in samenwerking met de wijkpartners",
    "wordt dit jaar geëvalueerd",
    "vastgelegd in het zorgplan",
    "navragen bij de directie",
    "conform afspraken SWV",
    "teamscholing gepland",
    "onderdeel van het schoolplan 2023-2027",
};

/* Sentences of the explanation some schools put at the top. */
static const char *const notes[] = {
    "Het team heeft dit schooljaar scholing gevolgd in handelingsgericht werken.",
    "De percentages bij HGW komen uit de teamzelfevaluatie van het voorjaar.",
    "De meldcode is in de teamvergadering van september opnieuw doorgenomen.",
    "Voor NT2 werken we samen met de taalklas van het samenwerkingsverband.",
    "Het ondersteuningsteam komt zes keer per jaar bijeen, met ouders erbij.",
    "De samenwerking met jeugdhulp loopt via het wijkteam van Meerpunt.",
    "Het protocol meer- en hoogbegaafdheid wordt dit jaar herzien.",
    "Het SOP is besproken met de medezeggenschapsraad en daarna vastgesteld.",
    "De dyslexieaanpak volgt het landelijke protocol leesproblemen en dyslexie.",
    "Voor leerlingen met een OPP plannen we twee evaluatiegesprekken per jaar.",
    "De school heeft sinds kort een eigen specialist meer- en hoogbegaafdheid.",
    "Signalering gebeurt met het leerlingvolgsysteem en groepsbesprekingen.",
};

static const char *const prefixes[] = {
    "Basisschool", "Openbare Basisschool", "Christelijke Basisschool", "RK Basisschool", "Kindcentrum",
    "IKC", "Daltonschool", "Montessorischool", "Jenaplanschool", "Vrije School", "Integraal Kindcentrum",
};
static const char *const names[] = {
    "De Regenboog", "Het Palet", "De Wilgen", "De Sterrenwacht", "De Bongerd", "Het Klaverblad", "De Vlinder",
    "De Ark", "Het Startpunt", "De Piramide", "De Horizon", "Het Baken", "De Notenkraker", "De Wegwijzer",
    "De Springplank", "Het Octaaf", "De Kameleon", "De Zevensprong", "Meerzicht", "Oosterheem", "'t Klokhuis",
    "'t Ooievaarsnest", "De Lettertuin", "Het Windekind", "De Dukdalf", "Prins Willem-Alexander", "Koningin Juliana",
    "Sint Jozef", "De Morgenster", "De Fontein", "Het Kompas", "De Zonnewijzer", "Parkdreef", "De Leeuwerik",
};
static const char *const locations[] = {"locatie Noord", "locatie Zuid", "hoofdlocatie", "dependance", "locatie Dorp"};
static const char *const besturen[] = {
    "Stichting Primair Onderwijs Zoetermeer",
    "Stichting Openbaar Onderwijs Zoetermeer",
    "Stichting Katholiek Onderwijs Zoetermeer",
    "Stichting Protestants-Christelijk Primair Onderwijs",
    "Vereniging voor Daltononderwijs Zoetermeer",
    "Stichting Vrije Scholen Zuid-Holland",
    "Stichting Speciaal Onderwijs Haaglanden",
};
static const char *const wijken[] = {
    "Meerzicht", "Rokkeveen", "Seghwaert", "Buytenwegh", "De Leyens", "Palenstein", "Driemanspolder",
    "Noordhove", "Oosterheem", "Dorp", "Centrum", "Lansinghage", "Rokkeveen-Oost", "Willem-Alexanderlaan",
};
static const char *const niveaus[] = {"school", "wijk", "bestuur", "collega_bestuur", "swv", "geen"};
static const char *const betrokkenen[] = {"leerkracht", "ib", "ouders", "leerling", "directie", "ondersteuningsteam",
                                          "swv_consulent", "smw", "jgz", "meerpunt", "jeugdhulp", "anders"};

/* --- one profile --------------------------------------------------------------------------------- */

typedef enum { PROFILE_COMPLIANT, PROFILE_FAILING, PROFILE_INCOMPLETE } profile_kind;

typedef enum { V_PASS, V_FAIL, V_EMPTY } value_mode;

typedef struct profile_plan {
    value_mode mode[NITEMS];
    long peildatum;  /* days */
} profile_plan;

/* A value for a scale member: usually plain, sometimes in quotes (both are fine). */
static void put_word(FILE *f, const char *w)
{
    if (rng_chance(4))
        fprintf(f, "\"%s\"", w);
    else
        fputs(w, f);
}

static void put_yesno(FILE *f, int yes)
{
    unsigned r = rng_below(100);
    if (r < 90)
        fputs(yes ? "ja" : "nee", f);
    else if (r < 96)
        fputs(yes ? "Ja" : "Nee", f);
    else
        fputs(yes ? "\"ja\"" : "\"nee\"", f);
}

static void put_percent(FILE *f, double lo, double hi)
{
    double v = lo + (hi - lo) * (double)rng_below(1000) / 1000.0;
    if (rng_chance(70)) {
        long whole = (long)v;
        if (whole < (long)lo)
            whole = (long)lo;
        fprintf(f, "%ld", whole);
    } else if (rng_chance(85)) {
        fprintf(f, "%.1f", (double)(long)(v * 10) / 10.0);
    } else {
        fprintf(f, "\"%ld%%\"", (long)v);
    }
}

/* The value of item k under the plan; V_EMPTY is handled by the caller. */
static void put_value(FILE *f, const profile_plan *plan, size_t k)
{
    int pass = plan->mode[k] == V_PASS;
    char date[11];
    switch (items[k].kind) {
    case K_INSPECTIE: {
        static const char *const good[] = {"voldoende", "voldoende", "voldoende", "goed"};
        static const char *const bad[] = {"onvoldoende", "onvoldoende", "zeer_zwak"};
        put_word(f, pass ? PICK(good) : PICK(bad));
        break;
    }
    case K_SOORT: {
        unsigned r = rng_below(100);
        put_word(f, r < 88 ? "bao" : r < 97 ? "sbo" : "so");
        break;
    }
    case K_AT_SCHOOL:
        put_word(f, pass ? "school" : niveaus[1 + rng_below(5)]);
        break;
    case K_AT_SWV:
        /* met: anything up to swv, mostly close by */
        put_word(f, pass ? niveaus[rng_chance(40) ? 0 : rng_below(5)] : "geen");
        break;
    case K_NIVEAU_AMB:
        put_word(f, niveaus[rng_chance(45) ? 0 : rng_below(6)]);
        break;
    case K_JA:
        put_yesno(f, pass);
        break;
    case K_JA_AMB:
        put_yesno(f, rng_chance(60));
        break;
    case K_HGW:
        if (pass)
            put_percent(f, 70, rng_chance(70) ? 90 : 100);
        else
            put_percent(f, rng_chance(80) ? 50 : 15, 69.9);
        break;
    case K_BETROKKENEN: {
        /* the three the norm needs (one left out when failing), plus some others, shuffled */
        unsigned order[COUNT(betrokkenen)], n = 0;
        unsigned drop = pass ? 99 : rng_below(3);
        for (unsigned i = 0; i < 3; i++)
            if (i != drop)
                order[n++] = i;
        for (unsigned i = 3; i < COUNT(betrokkenen); i++)
            if (rng_chance(35))
                order[n++] = i;
        for (unsigned i = n; i > 1; i--) {
            unsigned j = rng_below(i), t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        if (rng_chance(70)) {
            fputc('[', f);
            for (unsigned i = 0; i < n; i++)
                fprintf(f, "%s%s", i ? ", " : "", betrokkenen[order[i]]);
            fputc(']', f);
        } else {
            /* block list, indented under the key (4 spaces inside a group) */
            for (unsigned i = 0; i < n; i++)
                fprintf(f, "\n      - %s", betrokkenen[order[i]]);
        }
        break;
    }
    case K_EVALUATIES:
        if (pass) {
            static const unsigned times[] = {2, 2, 2, 2, 3, 3, 4, 6};
            fprintf(f, "%u", PICK(times));
        } else {
            fprintf(f, "%u", rng_below(2));
        }
        break;
    case K_ACTIEF:
        put_word(f, pass ? "actief" : (rng_chance(75) ? "beschikbaar" : "geen"));
        break;
    case K_BESCHIKBAAR:
        put_word(f, pass ? (rng_chance(55) ? "actief" : "beschikbaar") : "geen");
        break;
    case K_SOP_DATUM:
        if (pass)
            civil_from_days(plan->peildatum - (long)rng_below(330), date);
        else if (rng_chance(80))
            civil_from_days(plan->peildatum - 380 - (long)rng_below(500), date);
        else
            civil_from_days(plan->peildatum + 1 + (long)rng_below(60), date);
        fputs(date, f);
        break;
    }
}

static void put_remark(FILE *f)
{
    if (rng_chance(8))
        fprintf(f, "  # %s", PICK(remarks));
}

/* The group of an id ("aanbod" for "aanbod.dyslexie"), as a length. */
static size_t group_len(const char *id)
{
    return (size_t)(strchr(id, '.') - id);
}

static const char *group_title(const char *id)
{
    size_t n = group_len(id);
    for (size_t g = 0; g < COUNT(group_titles); g++)
        if (strlen(group_titles[g][0]) == n && strncmp(group_titles[g][0], id, n) == 0)
            return group_titles[g][1];
    return NULL;
}

/* One empty answer in one of the three ways a school leaves it open; 0 when the key is left out. */
static int put_empty(FILE *f)
{
    unsigned r = rng_below(3);
    if (r == 0)
        return 0;
    fputs(r == 1 ? "" : " ~", f);
    return 1;
}

static void plan_profile(profile_plan *plan, profile_kind pk)
{
    for (size_t k = 0; k < NITEMS; k++)
        plan->mode[k] = V_PASS;
    /* peildatum: 1 October or 1 March of a school year from 2023 to 2026 */
    int year = 2023 + (int)rng_below(4);
    plan->peildatum = rng_chance(75) ? days_from_civil(year, 10, 1) : days_from_civil(year + 1, 3, 1);
    if (pk == PROFILE_FAILING) {
        /* one to three agreements (or P1's inspection judgement, 0) fail, each on one or two items */
        unsigned nfail = rng_chance(60) ? 1 : rng_chance(70) ? 2 : 3;
        for (unsigned a = 0; a < nfail; a++) {
            int agreement = (int)rng_below(15); /* 0 = P1, 1..14 = A1..A14 */
            unsigned each = rng_chance(75) ? 1 : 2;
            for (unsigned e = 0; e < each; e++) {
                /* a norm item of that agreement, at random */
                size_t cand[NITEMS], n = 0;
                for (size_t k = 0; k < NITEMS; k++)
                    if (items[k].agreement == agreement && items[k].kind != K_NIVEAU_AMB && items[k].kind != K_JA_AMB &&
                        items[k].kind != K_SOORT)
                        cand[n++] = k;
                if (n)
                    plan->mode[cand[rng_below((unsigned)n)]] = V_FAIL;
            }
        }
    } else if (pk == PROFILE_INCOMPLETE) {
        unsigned nempty = 1 + rng_below(3);
        for (unsigned e = 0; e < nempty; e++) {
            size_t k;
            do
                k = rng_below((unsigned)NITEMS);
            while (items[k].kind == K_NIVEAU_AMB || items[k].kind == K_JA_AMB || items[k].kind == K_SOORT);
            plan->mode[k] = V_EMPTY;
        }
    }
}

/* Items k .. end of the same group as k: the index just past them. */
static size_t group_end(size_t k)
{
    size_t n = group_len(items[k].id), e = k;
    while (e < NITEMS && group_len(items[e].id) == n && strncmp(items[e].id, items[k].id, n) == 0)
        e++;
    return e;
}

/* One answer line: `indent` spaces, the key, the value (or an empty answer, or nothing). */
static void put_answer(FILE *f, const profile_plan *plan, size_t k, const char *key, unsigned indent)
{
    if (plan->mode[k] == V_EMPTY) {
        long at = ftell(f);
        fprintf(f, "%*s%s:", (int)indent, "", key);
        if (!put_empty(f)) {
            fseek(f, at, SEEK_SET); /* left out altogether */
            return;
        }
        if (rng_chance(50))
            fputs("  # nog invullen", f);
        fputc('\n', f);
        return;
    }
    fprintf(f, "%*s%s: ", (int)indent, "", key);
    put_value(f, plan, k);
    put_remark(f);
    fputc('\n', f);
}

static void write_profile(FILE *f, unsigned number, profile_kind pk)
{
    profile_plan plan;
    plan_profile(&plan, pk);
    char peildatum[11];
    civil_from_days(plan.peildatum, peildatum);

    const char *prefix = PICK(prefixes), *name = PICK(names), *bestuur = PICK(besturen), *wijk = PICK(wijken);
    fprintf(f, "# Schoolondersteuningsprofiel (SOP) %s %s\n", prefix, name);
    fputs("# Vragenlijst basisondersteuning SWV PO Zoetermeer, regels van 4 april 2023.\n", f);
    fputs("# Ingevuld door de intern begeleider samen met de directeur; vastgesteld door het bevoegd gezag.\n", f);
    fprintf(f, "# Peildatum %s; profiel %u. Lege antwoorden worden als onbeantwoord gemeld.\n", peildatum, number);
    if (rng_chance(80)) {
        fputs("#\n# Toelichting:\n", f);
        unsigned from = rng_below((unsigned)COUNT(notes)), lines = 2 + rng_below(5);
        for (unsigned l = 0; l < lines; l++)
            fprintf(f, "#   %s\n", notes[(from + l) % COUNT(notes)]);
    }
    fputs("profiel: 1\nschool:\n", f);
    fprintf(f, "  brin: %02u%c%c%02u\n", 10 + rng_below(90), 'A' + rng_below(26), 'A' + rng_below(26), rng_below(100));
    if (rng_chance(20))
        fprintf(f, "  naam: \"%s %s: %s\"\n", prefix, name, PICK(locations));
    else if (rng_chance(60) || name[0] == '\'')
        fprintf(f, "  naam: \"%s %s\"\n", prefix, name);
    else
        fprintf(f, "  naam: %s %s\n", prefix, name);
    fprintf(f, rng_chance(70) ? "  bestuur: \"%s\"\n" : "  bestuur: %s\n", bestuur);
    fprintf(f, "  wijk: %s\n", wijk);
    fprintf(f, "  peildatum: %s\n", peildatum);
    size_t k = 0;
    for (; k < NITEMS && strncmp(items[k].id, "school.", 7) == 0; k++)
        put_answer(f, &plan, k, items[k].id + 7, 2);

    /* some schools write a few answers as one dotted key, at the end */
    int dotted[NITEMS] = {0};
    if (rng_chance(15))
        for (unsigned d = 1 + rng_below(3); d > 0; d--)
            dotted[k + rng_below((unsigned)(NITEMS - k))] = 1;

    fputs("antwoorden:\n", f);
    while (k < NITEMS) {
        size_t end = group_end(k);
        const char *title = group_title(items[k].id);
        if (title && (k == 0 || group_title(items[k - 1].id) != title))
            fprintf(f, "  # %s\n", title);
        size_t glen = group_len(items[k].id);
        int opened = 0;
        for (; k < end; k++) {
            if (dotted[k])
                continue;
            if (!opened) {
                fprintf(f, "  %.*s:\n", (int)glen, items[k].id);
                opened = 1;
            }
            put_answer(f, &plan, k, items[k].id + glen + 1, 4);
        }
    }
    int any = 0;
    for (k = 0; k < NITEMS; k++)
        if (dotted[k]) {
            if (!any++)
                fputs("  # later toegevoegd\n", f);
            put_answer(f, &plan, k, items[k].id, 2);
        }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: genprofiles N SEED DIR\n", stderr);
        return 2;
    }
    char *end;
    unsigned long n = strtoul(argv[1], &end, 10);
    if (*end || n == 0 || n > 10000000) {
        fputs("genprofiles: N is a number from 1 to 10000000\n", stderr);
        return 2;
    }
    unsigned long long seed = strtoull(argv[2], &end, 10);
    if (*end) {
        fputs("genprofiles: SEED is a number\n", stderr);
        return 2;
    }
    const char *dir = argv[3];
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "genprofiles: cannot create '%s': %s\n", dir, strerror(errno));
        return 1;
    }
    size_t pathcap = strlen(dir) + 32;
    char *path = malloc(pathcap);
    if (!path)
        return 1;
    unsigned long count[3] = {0};
    for (unsigned long i = 1; i <= n; i++) {
        /* profile i depends on the seed and i only: the first 1,000 of 10,000 are the 1,000 */
        rng_state = (uint64_t)seed * 0xD1342543DE82EF95ull + (uint64_t)i;
        rng_next();
        unsigned r = rng_below(100);
        profile_kind pk = r < 50 ? PROFILE_COMPLIANT : r < 80 ? PROFILE_FAILING : PROFILE_INCOMPLETE;
        snprintf(path, pathcap, n < 100000 ? "%s/school-%05lu.yaml" : "%s/school-%08lu.yaml", dir, i);
        FILE *f = fopen(path, "w");
        if (!f) {
            fprintf(stderr, "genprofiles: cannot write '%s': %s\n", path, strerror(errno));
            free(path);
            return 1;
        }
        write_profile(f, (unsigned)i, pk);
        if (fclose(f) != 0) {
            fprintf(stderr, "genprofiles: cannot write '%s': %s\n", path, strerror(errno));
            free(path);
            return 1;
        }
        count[pk]++;
    }
    free(path);
    printf("%lu profiles: %lu compliant, %lu failing, %lu incomplete\n", n, count[PROFILE_COMPLIANT],
           count[PROFILE_FAILING], count[PROFILE_INCOMPLETE]);
    return 0;
}
