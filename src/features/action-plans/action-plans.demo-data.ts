// Over 500 lines: the action plans of seeds 002 and 004 transcribed as data, one object per plan.
// Demo data transcribed from the seeds: seed 004 (status overview of an action plan, 19.10.2023) and the
// summary table of seed 002 (Helse Sør-Øst action plan 2009–2012). Texts are kept as in the sources.
export interface DemoMeasure {
  title: string;
  priority: number | null;
  details?: string;
  benefit?: string;
  latestStatus?: string;
  status: 'done' | 'inProgress' | 'notStarted' | 'unknown';
  responsible?: string;
  year?: string;
  kpiCodes?: string[];
}

export interface DemoArea {
  name: string;
  focusAreas: string[];
  measures: DemoMeasure[];
}

export interface DemoPlan {
  code: string;
  name: string;
  owner: string;
  period: string;
  statusDate: string | null;
  source: string;
  areas: DemoArea[];
}

const seed004: DemoPlan = {
  code: 'SHI-STATUS-2023',
  name: 'Overordnet oversikt over tiltak på handlingsplan',
  owner: 'Sykehusinnkjøp HF',
  period: '2023',
  statusDate: '2023-10-19',
  source: 'Seed 004 – statusoversikt handlingsplan 19.10.2023',
  areas: [
    {
      name: 'Anskaffelsesprosessen og avtaleforvaltning',
      focusAreas: [
        'Standardisering av maler og prosesser',
        'Stimulere til økt konkurranse',
        'Sikre høy avtaledekning og avtalelojalitet',
        'Styrke samarbeid og dialog',
      ],
      measures: [
        {
          title: 'Tilpasse og videreutvikle felles anskaffelsesdokumenter',
          priority: 1,
          benefit: 'Møter leverandørmarkedet likt\nEffektivisering av anskaffelsesprosesser',
          latestStatus: 'Pågår arbeid med prisskjema',
          status: 'inProgress',
        },
        {
          title: 'Implementeringstid må vurderes konkret i den enkelte anskaffelse',
          priority: 1,
          benefit: 'Bedre kontroll på implementering og flere leveranser iht. plan',
          latestStatus: 'Kartlegging av status (praksis) pågår',
          status: 'inProgress',
        },
        {
          title: 'Standardisering av krav på produkter (kravbibliotek)',
          priority: 1,
          benefit:
            'Forbedret kvalitet og standardisering av kravspesifikasjoner\nØkt effektivitet i anskaffelser',
          latestStatus:
            'Generelle krav utarbeidet og implementert\nPågår arbeid med krav til anbudspakker (pilot)',
          status: 'inProgress',
        },
        {
          title: 'Veiledende kunngjøring og markedsdialog i anskaffelser, inkl. høring før endelig utlysning',
          priority: 1,
          benefit: 'Økt konkurranse og forbedret kvalitet på anskaffelsen',
          latestStatus:
            'Etablert som hovedregel ved alle anskaffelser innen kategorien\nAvvik fra dette behovsvurderes',
          status: 'done',
        },
        {
          title: 'Vekting av pris og kvalitet (50-50%)',
          priority: 1,
          benefit: 'Økt konkurranse, riktig balanse mellom pris og kvalitet',
          latestStatus:
            'Hovedregel - avvik fra hovedregel argumenteres for fra prosjektgruppen til styringsgruppen',
          status: 'done',
        },
        {
          title: 'Økt bruk av verdibaserte anskaffelser',
          priority: 1,
          benefit: 'Erfaring og økt kompetanse på verdibaserte anskaffelser',
          latestStatus: 'Planlagt pilotanskaffelse innen sårprodukter med oppstart høsten 2023',
          status: 'inProgress',
        },
        {
          title: 'Fastsette riktig anskaffelsesnivå for alle anbudspakker basert på besluttet kriteriesett',
          priority: 1,
          benefit: 'Økt forutsigbarhet, bedre avtaler, økt effektivitet',
          latestStatus: 'Innledende møter i kategoriteamet med samordning innen MFV er satt opp.',
          status: 'inProgress',
        },
        {
          title: 'Kartlegge avtalelojalitet og avtaledekning for å identifisere innsatsområder',
          priority: 1,
          benefit:
            'Bedre oversikt over avtaledekning og lojalitet, bedre prognoser i anskaffelser.\nØkonomiske gevinster ved å systematisk kunne lukke avvik (lekkasjekjøp), redusere lokale avtaler og fritekstkjøp',
          latestStatus:
            'Bidrar med en ressurs til kategorisering av spend i analyseplattformen\nVidere aktiviteter venter på analyseplattformen',
          status: 'inProgress',
          kpiCodes: ['SHI-AVTALEDEKNING'],
        },
        {
          title:
            'Styrke implementering, analyser og oppfølging av avtaler (implementeringsansvarlige, økt kapasitet til analyse, måling og oppfølging av avtalelojalitet)',
          priority: 2,
          status: 'notStarted',
        },
        { title: 'Dialogkonferanse minimum hvert 2. år', priority: 2, status: 'notStarted' },
        {
          title: 'Etablere faglige nettverk basert på innkjøpsgrupper i regionene',
          priority: 2,
          status: 'notStarted',
        },
        {
          title: 'Felles maler og rutiner for avtaleforvaltning på tvers av regioner',
          priority: 2,
          status: 'notStarted',
        },
      ],
    },
    {
      name: 'Forsyningssikkerhet og beredskap',
      focusAreas: [
        'Kritikalitet- og sårbarhetsvurdering av avtaleprodukter',
        'Optimalisere og styrke forsyningsløsninger',
        'Parallelle innkjøp og forhåndsgodkjente erstatningsprodukter for kritiske produkter',
      ],
      measures: [
        {
          title:
            'Obligatorisk kategorisering av produkter på avtale (masterdata) i henhold til nasjonal kategoristruktur.',
          priority: 1,
          benefit: 'Økt forsyningssikkerhet/100% kartlegging av avtaleprodukter',
          latestStatus:
            'Innkjøpsportalen er oppdatert og nye artikler legges inn med riktig kategori og produksjonsland',
          status: 'done',
        },
        {
          title: 'Obligatorisk registrering av produksjonsland for produkter på avtale',
          priority: 1,
          benefit: 'Økt forsyningssikkerhet/100% kartlegging av avtaleprodukter',
          latestStatus:
            'Innkjøpsportalen er oppdatert og nye artikler legges inn med riktig kategori og produksjonsland',
          status: 'done',
        },
        {
          title:
            'Utvikle et felles kriteriesett for evaluering av tilbyders forsyningssikkerhet i anskaffelser av produkter med høy risiko på kritikalitet og/eller sårbarhet.',
          priority: 1,
          benefit: 'Forbedret forsyningssikkerhet',
          latestStatus: 'Felles kriteriesett utarbeidet\nPågår arbeid med evalueringsmodell/matrise',
          status: 'inProgress',
        },
        {
          title:
            'Strategisk oppfølging av A-leverandører* på tvers av helseregioner med fokus på forsyningssikkerhet',
          priority: 1,
          benefit: 'Økt forsyningssikkerhet /gjennomført 100% av møtene.',
          latestStatus: 'Møter planlegges gjennomføres i Q4',
          status: 'inProgress',
        },
        {
          title:
            'Innkjøpsvolum deles mellom minst 2 leverandører (eller produsenter) på nasjonale anskaffelser der det er hensiktsmessig',
          priority: 2,
          benefit: 'Økt forsyningssikkerhet på kritiske produkter',
          latestStatus:
            'Etablert arbeidsgruppe som ser på egnede områder for pilot\nDialog med regional forsyning i HSØ om håndtering av parallelle avtaler',
          status: 'inProgress',
        },
        {
          title:
            'Forhåndsgodkjent erstatningsprodukt (replacement cards) for å forenkle og effektivisere restsituasjoner',
          priority: 2,
          benefit: 'Økt forsyningssikkerhet\nEffektivisering av rest-/erstatningssaker på kritiske produkter',
          latestStatus:
            'Gjennomført pilot på en nasjonal anskaffelse (sprøyter og kanyler)\nArbeidsgruppe jobber med erfaringsdeling og hvordan implementere i videre anskaffelser',
          status: 'inProgress',
        },
        {
          title: 'Kritikalitetsvurdering av avtaleprodukter i nasjonal kategoristruktur',
          priority: 2,
          benefit:
            'Lik tilnærming til kritikalitet på tvers av regioner\nGrunnlag for flere tiltak for å styrke forsyningsikkeheten',
          latestStatus:
            "RHF'ene har startet arbeid med lik definisjon/forståelse på tvers\nSykehusinnkjøp skal delta videre med å fastsette kritikalitet på produktgruppenivå og implementere",
          status: 'inProgress',
        },
        {
          title:
            'Etablere faste avrop (terminleveranser) på utvalgte produkter med høy kritikalitet og sårbarhet 6-12mnd frem i tid',
          priority: 2,
          status: 'notStarted',
        },
        {
          title: 'Forbedre prognoser for å styrke leveringsdyktighet hos leverandør',
          priority: 3,
          status: 'notStarted',
        },
        {
          title: 'Videreutvikle metodikk for "sårbarhetsvurdering for svikt i vareforsyning"',
          priority: 3,
          status: 'notStarted',
        },
        {
          title: 'Redusere lokale sykehuslagre og styrke regionale forsyningsløsninger',
          priority: 3,
          status: 'notStarted',
        },
        {
          title:
            'Etablere og følge opp regionale sikkerhets-lagre basert på kritikalitets- og sårbarhetsanalyser',
          priority: 3,
          status: 'notStarted',
        },
        {
          title: 'Etablere nasjonal oversikt over lagernivå av kritiske produkter',
          priority: 3,
          status: 'notStarted',
        },
        {
          title:
            'Følge opp etablering av permanent nasjonalt beredskapslager for smittevernutstyr og vaksinasjonsutstyr',
          priority: 3,
          status: 'notStarted',
        },
        {
          title:
            'Koordinering av regionale og flerregionale anskaffelser i kategorien for identifisering av mulige risikoer (samme leverandør) og vurdere risikoreduserende tiltak i anskaffelsene og forvaltning av avtalene.',
          priority: 3,
          status: 'notStarted',
        },
      ],
    },
    {
      name: 'Miljø og samfunnsansvar',
      focusAreas: ['Fremme en etisk forsvarlig leverandørkjede', 'Skjerpede krav til miljø og klima'],
      measures: [
        {
          title: 'Gjennomføre minimum ett årlig møte med alle A-leverandører* som handler om samfunnsansvar',
          priority: 1,
          benefit:
            'Økt fokus i leverandørkjeden\nGjennomført møter med de viktigste strategiske leverandørene',
          latestStatus: 'Møtene blir gjennomført i samarbeid med avtaleforvaltning og før årsskiftet 2023.',
          status: 'inProgress',
        },
        {
          title: 'Kontinuerlig vurdere behovet for revisjon og besøk av produksjonssteder i høyrisikoland',
          priority: 1,
          benefit: 'Forbedrede arbeidsforhold for arbeidere innen produksjon i risikoland',
          latestStatus: 'Løpende vurdering av risikoer og kartlegging av behov for revisjoner pågår.',
          status: 'inProgress',
        },
        {
          title: 'Kartlegge andel av helse- og miljøskadelige stoffer ("baseline")',
          priority: 1,
          benefit: 'Kartlegging gjennomført av min. 70% av leverandører',
          latestStatus: 'Kartlegging pågår fortsatt, leverandører trenger mer tid.',
          status: 'inProgress',
        },
        {
          title:
            'Utfasingslisten skal benyttes i alle anskaffelser i samarbeid med avdeling for samfunnsansvar',
          priority: 1,
          benefit:
            'Økt fokus på miljø i alle anskaffelser\nBidra til å understøtte mål om 75% uten helse- og miljøskadelige stoffer innen 2030.',
          latestStatus:
            'Løpende arbeid med opplæring og informasjon til alle som leder anskaffelser i kategorien.',
          status: 'inProgress',
        },
        {
          title: 'Øke andelen miljømerkede produkter',
          priority: 2,
          benefit: 'Økt tilgang på miljømerkede produkter som bidrar til å understøtte miljø- og klimåmålene',
          latestStatus:
            'Markedsdialog i Malmø 12.oktober – NIELS-nordisk samarbeid om å øke andelen miljømerkede produkter. Konkret dialog .',
          status: 'inProgress',
        },
        {
          title:
            'Samarbeide med markedet om initiativer som understøtter mål om 75% andel av avtaleprodukter uten helse- og miljøskadelige stoffer innen 2030',
          priority: 2,
          benefit:
            'Øke andelen produkter som er uten helse- og miljøskadelige stoffer\nOppnå mål om 75% uten innen 2030.',
          latestStatus:
            'Markedsdialog i Malmø 12.oktober – NIELS-nordisk samarbeid om å øke andelen miljømerkede produkter. Konkret dialog.',
          status: 'inProgress',
        },
        {
          title: 'Benytte krav om sertifisert miljøledelse (leverandør/produsent) i aktuelle anskaffelser',
          priority: 3,
          status: 'notStarted',
        },
        {
          title: 'Bruke fornybar energi som krav/evalueringskriterium i utvalgte anskaffelser',
          priority: 3,
          status: 'notStarted',
        },
        {
          title: 'Utarbeide plan for mer sirkulære produkter i samarbeid med leverandørmarkedet',
          priority: 3,
          status: 'notStarted',
        },
      ],
    },
  ],
};

const seed002: DemoPlan = {
  code: 'HSO-2009-2012',
  name: 'Handlingsplan innkjøp og logistikk 2009–2012',
  owner: 'Helse Sør-Øst RHF',
  period: '2009–2012',
  statusDate: null,
  source: 'Seed 002 – oppsummering og prioritering av tiltak 2009-2012',
  areas: [
    {
      name: 'Delmål 1',
      focusAreas: [
        'Alle anskaffelser – rammeavtaler og investeringer - over EØS terskelverdi skal kunngjøres samlet regionalt for gjennomføring i regionale eller nasjonale konkurranser',
      ],
      measures: [
        {
          title: 'Videreføre regionale og nasjonale innkjøpsprosjekter',
          priority: 1,
          details:
            'Identifisere og prioritere innkjøpsområder med stort gevinstpotensial med henblikk på måloppnåelse i sum MNOK 400 gevinst (f eks medikamenter, laboratorieanskaffelser, pensjonsforsikringer,…)\nForbedre prosess for å identifisere og beslutte nye prosjekter basert på HINAS-metodikk (NNI)\nVidereutvikle oppfølging av gevinstrealisering\nFordele ansvar og gjennomføre prosjektene',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF (ressurs: Alle)',
        },
        {
          title: 'Koordinere alle anskaffelser over TNOK 500',
          priority: null,
          details: 'Etablere rutine for å melde behov\nVurdere og prioritere\nFordele ansvar og gjennomføre',
          status: 'unknown',
          year: '2010',
          kpiCodes: ['HSO-VARSLING'],
        },
        {
          title: 'Regional samkjøring av investeringer over terskelverdi',
          priority: 1,
          details:
            'MR, CT og ultralyd\nIKT\nMTU\nSamkjøring av investeringer basert på koordinert budsjettprosess (2010)',
          status: 'unknown',
          year: '2009–2010',
          responsible: 'HF (ressurs: HINAS, SP)',
        },
        {
          title: 'Iverksette måling av avtaledekning',
          priority: 2,
          details: 'Identifisere enhetlig målemetode (beste praksis?)\nIverksette måling og rapportering',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF (ressurs: Alle)',
          kpiCodes: ['HSO-AVTALEDEKNING'],
        },
      ],
    },
    {
      name: 'Delmål 2',
      focusAreas: ['Alle innkjøp/avrop skal gjennomføres i virksomhetens elektroniske innkjøpssystem'],
      measures: [
        {
          title: 'Iverksette måling av volum gjennom innkjøpssystem',
          priority: 2,
          details:
            'Identifisere målemetode relatert til totalt forbruk i h t regnskap\nAlle HF skal beslutte at elektroniske bestillingssystem / innkjøpssystem skal benyttes til alle relevante innkjøp\nAlle HF skal sanksjonere avvik fra rutinen om å bruke elektroniske bestillingssystem / innkjøpssystemet\nIverksette måling (volummål 2009: 50 %)\nVolummål 2010: 70 %\nVolummål 2011: > 80 %\nVolummål 2012: > 90 %',
          status: 'unknown',
          year: '2009–2012',
          responsible: 'RHF / HF',
          kpiCodes: ['HSO-INNKJOPSSYSTEM'],
        },
        {
          title:
            'Vurdere felles innkjøp- og logistikksystem i relasjon til prosjekt i regi av Nasjonalt prosjekt for stab og støtte',
          priority: 2,
          details:
            'Utredning / forprosjekt om hvordan eventuelt å ta i bruk felles system\nUtarbeide en handlingsplan for implementering av felles system (design, drift, finansiering, implementeringsrekkefølge)\nUtrede felles generisk artikkelregister',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF / ? / STHF (ressurs: Alle; AHUS, ST, RHF, SP)',
        },
        {
          title: 'Øke bruken av NORKAT og elektroniske produktkataloger',
          priority: 1,
          details:
            'Videreføre oppbygging av NORKAT til å håndtere kataloger for alle avtaler (nasjonale, regionale og lokale)\nAlle HF skal ta i bruk NORKAT\nAlle HF må etablere effektiv lokal håndtering av elektroniske produktkataloger\nVurdere andre sentrale tiltak for å effektivisere implementering av rammeavtaler',
          status: 'unknown',
          year: '2009',
          responsible: 'SP / HF / HF / RHF/SP',
        },
        {
          title: 'Effektivisere implementering av avtaler',
          priority: 1,
          details: 'Klargjøre, rutiner, oppgavefordeling og rolleforståelse',
          status: 'unknown',
          responsible: 'RHF/SP',
        },
        {
          title: 'Innføring av kortløsning',
          priority: null,
          details:
            'Alle HF skal innføre løsning med personlige kredittkort for enkel reiseadministrasjon og / eller småkjøp',
          status: 'unknown',
          year: '2010',
          responsible: 'HF',
        },
      ],
    },
    {
      name: 'Delmål 3',
      focusAreas: [
        'Forsyningsstrukturen skal optimaliseres med utgangspunkt i aktiv forsyning internt – og bruk av felles forsyningssenter eksternt– alle helseforetak skal bruke forsyningssenteret som primærleverandør',
      ],
      measures: [
        {
          title: 'Øke bruk av Forsyningssenteret',
          priority: 1,
          details:
            'Ny operatør av FS skal etableres\nForsyningssenterets sortimentsbredde skal økes vesentlig, basert på nye rammeavtaler og løpende vurdering av egnethet per varegruppe\nMåling per HF skal videreutvikles i tråd med målsetting\nAlle HF skal definere sine krav til leveringsfrekvens\nAlle HF skal definere sine behov for beredskapslager',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF / Alle / RHF / HF / HF',
          kpiCodes: ['HSO-FORSYNINGSSENTER'],
        },
        {
          title: 'Aktiv forsyning skal rulles ut så langt det er hensiktsmessig',
          priority: 2,
          details:
            'Beste praksis skal identifiseres og beskrives\nIverksette måling\nAlle HF skal rulle ut aktiv forsyning i h t beste praksis med nødvendige, lokale tilpasninger (2010)',
          status: 'unknown',
          year: '2009–2010',
          responsible: 'RHF (ressurs: HF)',
        },
      ],
    },
    {
      name: 'Delmål 4',
      focusAreas: [
        'Innkjøpsarbeidet skal være preget av høy etisk standard der rollen som pådriver for miljøkrav og en etisk leverandørkjede er tydelig, og der det ikke forekommer avvik i forhold til LOA/FOA',
      ],
      measures: [
        {
          title:
            'Etablere rutine for å sikre at alle ledere har satt seg inn i LOA samt våre etiske retningslinjer',
          priority: 1,
          details:
            'Alternative rutiner for informasjon, ”kvittering”, opplæring og oppfølging samt ”sanksjonering” skal utredes I samarbeid med økonomi og personal. Herunder skal Questback eller tilsvarende vurderes.\nRutiner skal iverksettes',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF',
        },
        {
          title: 'Det skal gjennomføres årlige miljørevisjoner av leverandører',
          priority: 1,
          details:
            'Stilling for ”Miljø og samfunnsansvar” skal bemannes i RHFet\nMiljøpolicy skal utarbeides\nRapporten ”Miljø og klimatiltak i spesialisthelsetjenesten” sine anbefalinger skal følges opp (2009)\nRutiner for årlige miljørevisjoner skal utarbeides\nGjennomføre miljørevisjon hos > 10 leverandører (2010)\nGjennomføre miljørevisjon hos > ?? leverandører (2011, 2012)',
          status: 'unknown',
          year: '2009–2012',
          responsible: 'RHF',
          kpiCodes: ['HSO-MILJOREVISJON'],
        },
        {
          title: 'Det skal gjennomføres årlige revisjoner av etisk handel hos leverandører',
          priority: 1,
          details:
            'Stilling for ”Miljø og samfunnsansvar” skal bemannes i RHFet\nPolicy for etisk handel skal utarbeides\n”Helse Vest rapportens” anbefalinger om miljø skal følges opp og vurderes tilsvarende for etisk handel (2009)\nRutiner for årlige revisjoner skal utarbeides i samspill med Hinas, DiFI og Initiativ for Etisk Handel.\nGjennomføre ”etisk handel revisjon” hos > 10 leverandører (2010)\nGjennomføre ”etisk handel revisjon” hos > ?? leverandører (2011, 2012)',
          status: 'unknown',
          year: '2009–2012',
          responsible: 'RHF',
          kpiCodes: ['HSO-ETISK-REVISJON'],
        },
        {
          title: 'Etablere system for leverandøroppfølging',
          priority: 1,
          details:
            'I sammenheng med rutiner for revisjoner av miljø og etisk handel, skal det etableres system for utvikling og oppfølging av leverandørenes prestasjoner (leveringspresisjon og –kvalitet)',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF',
        },
        {
          title: 'Sikre gode rutiner for fullmakter og godkjenning av innkjøp',
          priority: 2,
          details:
            'Alle HF må verifisere beløpsgrensene i sin fullmaktsstruktur mot gjeldende strategiplan for innkjøp og logistikk',
          status: 'unknown',
          year: '2009',
          responsible: 'HF',
          kpiCodes: ['HSO-GODKJENNING'],
        },
      ],
    },
    {
      name: 'Delmål 5',
      focusAreas: [
        'Produktråd skal sikre at standardisering av varer/tjenester på tvers av foretaksgruppen ivaretar kjernevirksomhetens krav til bruksegenskaper og kvalitet',
      ],
      measures: [
        {
          title: 'Produktråd skal etableres for relevante produktgrupper',
          priority: 1,
          details:
            'Det skal etableres måle- og rapportrutiner for produktrådenes arbeid som sikrer fokus på volumiøse produkter og gevinstoppnåelse ved sortimentsbegrensning (standardisering)',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF',
        },
      ],
    },
    {
      name: 'Andre tiltak',
      focusAreas: [],
      measures: [
        {
          title: 'Etablere styringsgruppe',
          priority: 1,
          details:
            'Administrerende direktører bes utnevne representant for helseforetaket\nEtablere en styringsgruppe med nivå 2 ledere fra helseforetakene',
          status: 'unknown',
          year: '2009',
        },
        {
          title: 'Alle HF skal organisere ledelse av innkjøp av innkjøp og logistikk under én leder',
          priority: 1,
          details: 'RHF skal stille ressurser i form av en ”innsatsgruppe” til disposisjon',
          status: 'unknown',
          year: '2009',
          responsible: 'AD HF (ressurs: RHF)',
        },
        {
          title: 'Verktøy for konkurransegjennomføring og kontraktsadministrativt verktøy skal implementeres',
          priority: null,
          details:
            'Sykehuspartner skal ta KGV og kontraktadministrativt system i bruk for regionale anskaffelser og regionale / nasjonale avtaler.\nHINAS skal ta KGV i bruk for nasjonale avtaler\nHF skal vurdere å ta verktøyene i bruk',
          status: 'unknown',
          year: '2009',
          responsible: 'SP / RHF / HF (ressurs: SP)',
        },
        {
          title: 'Kompetanseutvikling',
          priority: null,
          details:
            'Ledelse i RHF og HF skal tilrettelegge for erfaringslæring gjennom bred deltagelse i og utnyttelse av nettverket i regionen\nLedelse i RHF og HF skal tilrettelegge for kompetanseheving for fagmiljøet innen prioriterte tema\nUtarbeidelse av opplæringsplan og kurskatalog',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF og HF (ressurs: SI)',
        },
        {
          title: 'Kommunikasjonsplan',
          priority: null,
          details: 'Det skal utarbeides en kommunikasjonsplan',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF',
        },
        {
          title: 'KPIer',
          priority: 1,
          details:
            'Det skal etableres felles rapportering av alle KPIer\nFelles rapporteringsrutine skal benyttes',
          status: 'unknown',
          year: '2009',
          responsible: 'RHF',
        },
      ],
    },
  ],
};

export const demoActionPlans: DemoPlan[] = [seed004, seed002];
