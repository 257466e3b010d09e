// Demo data transcribed from seed 001: Vedlegg 02 (risks), 03 (stakeholders), 04 (transition of ongoing
// procurements) and 05 (timeline). Texts as in the source; dates as ISO.
type Status = 'planned' | 'inProgress' | 'done' | 'notStarted' | null;

/** [depth, name, responsible, start (dd.mm.yyyy), end, status] — Vedlegg 05, in the plan's order. */
export const timeline: Array<[number, string, string | null, string | null, string | null, Status]> = [
  [0, 'Arbeidsgruppemøter', 'SHI', '01.04.2023', '01.03.2024', 'planned'],
  [0, 'Fase 0', null, '01.04.2023', '19.08.2023', 'planned'],
  [1, 'Forankring av ny styringsmodell', 'Arbeidsgruppen', '01.04.2023', '01.06.2023', 'planned'],
  [2, 'Interregionale fora', 'SHI', '24.04.2023', '24.04.2023', 'planned'],
  [2, 'Helse Nord', 'SHI/Helse Nord', '01.04.2023', '22.04.2023', 'planned'],
  [2, 'Helse Midt-Norge', 'SHI/Helse Midt', '01.04.2023', '28.04.2023', 'planned'],
  [2, 'Helse Vest', 'SHI/Helse Vest', '01.04.2023', '02.04.2023', 'planned'],
  [2, 'Helse Sør-Øst', 'SHI/Helse Sør-Øst', '15.03.2023', '26.04.2023', 'planned'],
  [2, 'Sykehusinnkjøp HF', 'SHI', '01.04.2023', '01.06.2023', 'planned'],
  [2, 'Eksisterende styringsgrupper', 'SHI', '01.04.2023', '01.06.2023', 'inProgress'],
  [2, 'Felleseide foretak', 'SHI', '29.04.2023', '01.06.2023', 'notStarted'],
  [2, 'Norske Helsenett og etater underlagt HOD', 'SHI', '29.04.2023', '01.06.2023', 'notStarted'],
  [1, 'Rekruttere medlemmer til styringsgruppene, fase 1 og 2', 'RHF-ene', '01.04.2023', '30.09.2023', 'planned'],
  [2, 'Kartlegge kandidater', 'RHF-ene', '01.04.2023', '01.06.2023', 'notStarted'],
  [2, 'Felles koordinering', 'RHF/Helse Sør-Øst', '02.06.2023', '15.06.2023', 'notStarted'],
  [2, 'Utnevnelse, styringsgrupper fase 1', 'RHF-ene', '16.06.2023', '16.06.2023', 'notStarted'],
  [2, 'Utnevnelse, styringsgrupper fase 2', 'RHF-ene', '30.09.2023', '30.09.2023', 'notStarted'],
  [1, 'Prosessendringer', null, '01.04.2023', '01.07.2023', 'planned'],
  [2, 'Sykehusinnkjøp HF', 'SHI', '01.04.2023', '01.07.2023', 'planned'],
  [2, 'De regionale helseforetakene', 'RHF-ene', '01.04.2023', '01.07.2023', 'planned'],
  [1, 'NNI-pilot', 'SHI', '01.04.2023', '31.12.2023', 'planned'],
  [1, 'Porteføljesekretariat', 'SHI', '01.04.2023', '15.06.2023', 'planned'],
  [2, 'Etablere porteføljesekretariat Sykehusinnkjøp HF', 'SHI', '01.04.2023', '01.04.2023', 'done'],
  [2, 'Teste og validere teams plattform', 'SHI', '01.04.2023', '15.06.2023', 'inProgress'],
  [1, 'Utarbeide opplæringsprogram', 'Arbeidsgruppen', '01.04.2023', '01.05.2023', 'inProgress'],
  [2, 'Kvalitetssikring av opplæringsprogram hos NNI', 'SHI', '02.05.2023', '22.05.2023', 'planned'],
  [2, 'Utarbeide endelig opplæringsprogram', 'Arbeidsgruppen', '22.05.2023', '15.06.2023', 'planned'],
  [1, 'Faseovergang 0-1', 'SHI', '01.08.2023', '12.08.2023', 'planned'],
  [2, 'Klargjøre fase 1', 'Arbeidsgruppen', '12.08.2023', '19.08.2023', 'planned'],
  [2, 'Evaluere fase 0', 'Arbeidsgruppen', '12.08.2023', '19.08.2023', 'planned'],
  [2, 'Godkjenning faseovergang', 'SHI', '19.08.2023', '19.08.2023', 'planned'],
  [0, 'Fase 1', null, '20.08.2023', '01.11.2023', 'notStarted'],
  [1, 'Gjennomføre opplæringsprogram, fase 1', 'Porteføljesek.', '21.08.2023', '29.08.2023', 'notStarted'],
  [1, 'Oppstartsmøter og etablering av møtekalender', 'Porteføljesek.', null, null, null],
  [2, 'HR', null, '30.08.2023', '01.09.2023', 'notStarted'],
  [2, 'IKT', null, '28.08.2023', '15.09.2023', 'notStarted'],
  [2, 'Diabetsprodukter', null, '28.08.2023', '15.09.2023', 'notStarted'],
  [2, 'Prehospitalt', null, '28.08.2023', '15.09.2023', 'notStarted'],
  [2, 'Legemidler', null, '28.08.2023', '15.09.2023', 'notStarted'],
  [1, 'Gjennomføre første ordinære styringsgruppemøte', 'Porteføljesek.', '21.08.2023', '15.09.2023', 'notStarted'],
  [2, 'HR møte #1- 2023', null, '18.09.2023', '13.10.2023', 'notStarted'],
  [2, 'IKT møte #1- 2023', null, '18.09.2023', '13.10.2023', 'notStarted'],
  [2, 'Diabetsprodukter møte #1- 2023', null, '18.09.2023', '13.10.2023', 'notStarted'],
  [2, 'Prehospitalt møte #1- 2023', null, '18.09.2023', '13.10.2023', 'notStarted'],
  [2, 'Legemidler møte #1- 2023', null, '18.09.2023', '13.10.2023', 'notStarted'],
  [1, 'Faseovergang 1-2', 'SHI', '16.10.2023', '20.10.2023', 'notStarted'],
  [2, 'Klargjøre fase 2', 'Arbeidsgruppen', '23.10.2023', '31.10.2023', 'notStarted'],
  [2, 'Evaluere fase 1', 'Arbeidsgruppen', '23.10.2023', '31.10.2023', 'notStarted'],
  [2, 'Godkjenning faseovergang', 'SHI', '23.10.2023', '31.10.2023', 'notStarted'],
  [0, 'Fase 2', null, '01.11.2023', '01.03.2024', null],
  [1, 'Gjennomføre opplæringsprogram, fase 2', 'Porteføljesek.', '01.11.2023', '01.02.2024', null],
  [1, 'Oppstartsmøter og etablering av møtekalender', 'Porteføljesek.', null, null, null],
  [2, 'Administrasjon', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [2, 'Bygg&Eiendom/Bygg-prosjekt', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [2, 'MFV', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [2, 'KIR', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [2, 'MGU/BHM/MTU', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [2, 'LAB', null, '01.11.2023', '01.02.2024', 'notStarted'],
  [1, 'Overgangssesjoner', 'SHI/NNI', '01.11.2023', '01.02.2024', 'notStarted'],
  [1, 'Evaluere fase 2 og implementeringsprosessen', 'Arbeidsgruppen', null, null, null],
  [1, 'Avslutte prosjektet og overlevere til drift', 'Arbeidsgruppen', '01.02.2024', '28.02.2024', null],
];

/** Vedlegg 02. The "risiko ved oppstart" column carries no text in the seed (it is a colour in the original). */
export const risks: Array<{ number: number; area: string; description: string; measures: string }> = [
  {
    number: 1,
    area: 'Manglende forankring av ny styringsmodell i de regionale helseforetakene',
    description:
      'Ulik forståelse i de regionale helseforetakene av hva styringsgruppearbeidet innebærer.\nStyringsgruppemedlemmene gis ikke tilstrekkelig fullmakter og deltagelse i styringsgruppene blir ikke prioritert.',
    measures:
      'Utarbeide felles materiell, og plan for hvilke roller i de regionale helseforetakene som skal holdes orientert om arbeidet.\nForankring gjennomføres ved en interessenthåndtering i fase 0 for alle nøkkelinteressenter.',
  },
  {
    number: 2,
    area: 'Manglende tilgang på styringsgruppemedlemmer',
    description:
      'De regionale helseforetakene oppnevner ikke styringsgruppemedlemmer.\nStyringsgruppemedlemmene har ulik kompetanse og motivasjon for arbeidet.\nStyringsgruppemedlemmene har ikke tilstrekkelig kapasitet til deltakelse.',
    measures:
      'Forankring gjennomføres ved en interessenthåndtering i fase 0 for alle nøkkelinteressenter.\nUtarbeide felles materiell, og plan for hvilke roller i de regionale helseforetakene som skal holdes orientert om arbeidet.\nAnbefaling om at oppnevning gjøres av ledergruppen i det regionale helseforetaket.',
  },
  {
    number: 3,
    area: 'Manglende informasjonsdeling mellom nøkkelinteressenter i RHF-HF',
    description:
      'Etablering av en felles teams plattform som skal bidra til effektiv informasjonsdeling, oversikt og fungerer ikke hensiktsmessig og fører til manglende oversikt hos nøkkelinteressenter.',
    measures:
      'Etablering av tilgangsstyring for interessenter.\nRHF-ene oppretter en interessentoversikt for styringsgruppemedlemmene og Sykehusinnkjøp HF.\nNNI tester digital plattform som pilot i fase 0.',
  },
  {
    number: 4,
    area: 'Forventede synergier ved bruk av porteføljesekretariatet oppnås ikke',
    description:
      'Sykehusinnkjøp HF mangler kapasitet og kompetanse til etablering og drift av et sekretariat.\nKvalitet på tjenester levert av porteføljesekretariatet er ikke tilstrekkelig.\nIkke hentet ut synergier mellom arbeidet som utføres i de ulike styringsgruppene.',
    measures:
      'Porteføljesekretariatet benyttes i pilot med NNI i fase 0.\nRessursbehov i porteføljesekretariatet må fortløpende revideres.',
  },
  {
    number: 5,
    area: 'Manglende kjennskap til de regionale helseforetaks mål og strategier',
    description:
      'Styringsgruppemedlemmene mangler kunnskap om mål og strategier på overordnet nivå på tvers av fagområder',
    measures:
      'Gjennomføre e-læringsprogram og oppstartsmøter for styringsgruppemedlemmer.\nOppfølgning og opplæring av styringsgruppemedlemmer i den enkelte region.',
  },
];

/** Vedlegg 03: [group, stakeholder, role/status, measures, responsible/time]. */
export const stakeholders: Array<[string, string, string, string, string]> = [
  ['RHF – interregionale fora', 'AD-møte', 'AD-møtet er kjent med modellen gitt at de har godkjent ny styringsmodell 20.6.22.', 'AD-møte har allerede besluttet styringsmodell. Det er ikke nødvendig med egne tiltak for AD-møte.', ''],
  ['RHF – interregionale fora', 'Interregionalt økonomidirektørmøte', 'Kjenner overordnet til saken', 'Orienteringssak til interregionalt økonomidirektørmøte.', 'SHI/Fase 0'],
  ['RHF – interregionale fora', 'Interregionalt IKT-direktørmøte', 'Kjenner overordnet til saken', 'Orienteringssak til interregionalt IKT-direktørmøte.', 'SHI/Fase 0'],
  ['RHF – interregionale fora', 'Interregionalt fagdirektørmøte', 'Skal fungere som styringsgruppe for kategori legemidler.', 'Orienteringssak til interregionalt fagdirektørmøte.', 'SHI/Fase 0'],
  ['RHF – interregionale fora', 'Andre interregionale møter', 'Kommunikasjon, eiendom', 'Informasjonsskriv', 'SHI/Fase 0'],
  ['Helse Nord', 'AD-RHF Marit Lind', 'Marit Lind er konstituert AD fra 1.november 2022. Hun er lite kjent med kjent ny styringsmodell. AD-møtet skal sannsynligvis beslutte plan for implementering.', 'Sak i ledermøte', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Eierdirektør Hilde Rolandsen', 'Nivå 2 i RHF med ansvar for innkjøp. Kjent med ny styringsmodell gjennom eierstyringsgruppen.', 'Er godt orientert', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Fagdirektør RHF Geir Tollåli', 'Kjenner overordnet til saken', 'Sak i ledermøte', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Helsefagdirektør Jon Thomas Finnson', 'Kjenner overordnet til saken', 'Sak i ledermøte', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'HR-direktør Anita Menzoni', 'Kjenner overordnet til saken', 'Sak i ledermøte', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Økonomidirektør Erik-Arne Hansen', 'Kjenner overordnet til saken', 'Sak i ledermøte', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Seksjonsleder bygg og eiendom Lars Alvar Mickelsen', 'Kjenner overordnet til saken', 'Utvidet ledermøte/egen informasjon', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Juridisk direktør Ann Elisabeth Rødvei', 'Kjenner overordnet til saken', 'Er godt orientert', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Innkjøpssjef Rune Sætermo', 'Kjent med saken, blant annet gjennom dialogmøte SHI-RHF.', 'Sak i dialogmøte SHI-RHF', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Adm.dir. HF', 'Kjenner overordnet til saken', 'Sak i direktørmøte Helse Nord\nSak i ledergrupper HF', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'HF- nivå 2 med ansvar for innkjøp', 'Kjent med styringsmodell gjennom prosjekt «operasjonalisering av innkjøpsstrategi Helse Nord»', 'Sak i strategisk anskaffelsesforum helse Nord', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Ledergrupper HF', 'Ikke kjent med saken.', 'Sak i ledergruppemøter HF', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Innkjøpssjefer HF', 'Orientert om saken.', 'Sak i innkjøpsforum Helse Nord', 'Ørnulf/Fase 0'],
  ['Helse Nord', 'Fagsjefer HF', 'Ikke kjent med saken.', 'Sak i Fagsjefmøte', 'Ørnulf/Fase 0'],
  ['Helse Midt-Norge', 'AD-RHF Stig Slørdahl', 'AD-møtet er kjent med modellen gitt at de har godkjent ny styringsmodell 20.6.22.', 'Sak i ledermøte Helse Midt-Norge', 'Randi/Fase 0'],
  ['Helse Midt-Norge', 'Økonomidirektør Anne-Marie Barane', 'Nivå 2 i RHF med ansvar for innkjøp. Ansvar for innkjøp fra januar 2023. Kjenner overordnet til saken', 'Sak i ledermøte Helse Midt-Norge', 'Randi/Fase 0'],
  ['Helse Midt-Norge', 'Fagdirektør RHF Björn Gustafsson', 'Kjenner overordnet til saken', 'Sak i ledermøte Helse Midt-Norge', 'Randi/Fase 0'],
  ['Helse Midt-Norge', 'HF- nivå 2 med ansvar for innkjøp', 'Kjenner overordnet til saken', 'Sak i Eierforum innkjøp og logistikk Helse Midt-Norge', 'Randi, Monika/Fase 0'],
  ['Helse Midt-Norge', 'Innkjøpssjefer HF', 'Kjenner overordnet til saken', 'Sak i strategisk innkjøpsforum Helse Midt-Norge', 'Randi, Monika/Fase 0'],
  ['Helse Midt-Norge', 'Fagdirektører HF', 'Ikke kjent med saken.', 'Sak i regionalt fagdirektørmøte', 'Randi, Monika/Fase 0'],
  ['Helse Vest', 'AD-RHF Cathrine Bryne', 'AD-møtet er kjent med modellen gitt at de har godkjent ny styringsmodell 20.6.22.', 'Sak i direktørmøte Helse Vest', 'Joakim/Fase 0'],
  ['Helse Vest', 'Økonomidirektør Per Karlsen (fung øk dir Synnøve Teigelid)', 'Nivå 2 i RHF med ansvar for innkjøp. Kjent med ny styringsmodell gjennom styret i Sykehusinnkjøp og eierstyringsgruppen.', 'Sak i direktørmøte Helse Vest', 'Joakim/Fase 0'],
  ['Helse Vest', 'Fagdirektør RHF Bjørn Egil Vikse', 'Kjenner overordnet til saken.', 'Sak i direktørmøte Helse Vest', 'Joakim/Fase 0'],
  ['Helse Vest', 'Teamleder innkjøp, logistikk og system Liv Sundfør', 'Kjent med saken, blant annet gjennom dialogmøte SHI-RHF.', 'Sak i dialogmøte SHI-RHF', 'SHI/Fase 0'],
  ['Helse Vest', 'Adm.dir. HF', 'Kjenner overordnet til saken', 'Sak i direktørmøte Helse Vest', 'Joakim/Fase 0'],
  ['Helse Vest', 'HF- nivå 2 med ansvar for innkjøp', 'Kjenner overordnet til saken', 'Sak i strategisk anskaffelsesforum Helse Vest', 'Joakim, Harald/Fase 0'],
  ['Helse Vest', 'Fagdirektører HF', 'Ikke kjent med saken.', 'Avklares i dialog med fagdirektør RHF', 'Joakim/Fase 0'],
  ['Helse Sør-Øst', 'AD-RHF Terje Rotwelt', 'AD-møtet er kjent med modellen gitt at de har godkjent ny styringsmodell 20.6.22.', 'Sak i direktørmøte Helse Sør-Øst RHF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Konserndirektør Mona Stensby', 'Nivå 2 i RHF med ansvar for innkjøp. Ansvar for innkjøp fra sommeren 2022. Kjenner overordnet til saken', 'Sak i direktørmøte Helse Sør-Øst RHF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Fagdirektør RHF Ulrich Spreng', 'Kjenner overordnet til saken', 'Sak i direktørmøte Helse Sør-Øst RHF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Adm.dir. HF', 'Kjenner overordnet til saken', 'Sak i direktørmøte Helse Sør-Øst RHF\nSak i ledergrupper HF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'HF- nivå 2 med ansvar for innkjøp', 'Kjenner overordnet til saken', 'Sak i ledergruppemøter HF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Ledergrupper HF', 'Ikke kjent med saken.', 'Sak i ledergruppemøter HF', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Innkjøpssjefer HF', 'Kjenner overordnet til saken', 'Sak i Forum for Innkjøp og Logistikk (FIL)', 'Mona/Fase 0'],
  ['Helse Sør-Øst', 'Fagdirektører HF', 'Ikke kjent med saken.', 'Sak i regionalt fagdirektørmøte', 'Mona/Fase 0'],
  ['Eksisterende styringsgrupper', 'Nasjonalt nettverk innkjøp', 'Kategori ADM, B&E, KIR, MFV, MGU, MTU,LAB,BHM', 'Pilot for ny styringsmodell\nOvergangssesjon', 'Mona/ februar 23\nSHI/Fase 2'],
  ['Eksisterende styringsgrupper', 'Styringsgruppe HR', 'Kategori HR (RHF-HR direktører)', 'Sak i ordinært styringsgruppemøte\nOvergangssesjon', 'SHI/Fase 0\nSHI/Fase 1'],
  ['Eksisterende styringsgrupper', 'Styringsgruppe IKT-infrastruktur', 'Innkjøpsgruppe IKT-infrastruktur (ressurser fra driftspartnere RHF)', 'Sak i ordinært styringsgruppemøte\nOvergangssesjon', 'SHI/Fase 0\nSHI/Fase 1'],
  ['Eksisterende styringsgrupper', 'Styringsgruppe prehospitalt', 'Kategori Prehospitalt (ressurser fra prehospitalt miljø RHF)', 'Sak i ordinært styringsgruppemøte\nOvergangssesjon', 'SHI/Fase 0\nSHI/Fase 1'],
  ['Eksisterende styringsgrupper', 'Styringsgruppe eiendom', 'Anbudspakke Arkitekt og rådgivende ingeniører (ressurser fra eiendomsmiljø RHF)', 'Sak i ordinært styringsgruppemøte\nOvergangssesjon', 'SHI/Fase 0\nSHI/Fase 1'],
  ['Eksisterende styringsgrupper', 'Spesialistgrupper legemidler', 'Flere spesialistgrupper – må kartlegges', 'Sak i ordinært styringsgruppemøte\nOvergangssesjon', 'SHI/Fase 0\nSHI/Fase 1'],
  ['Felleseide foretak', 'Luftambulansen HF', 'Bruker av Sykehusinnkjøps nasjonale avtaler. Bidrar med fagkompetanse inn i enkelte nasjonale anskaffelser. Sykehusinnkjøp leier ut anskaffelsespersonell til gjennomføring av ambulansefly og –helikoptertjenester.', 'Informasjon i de ordinære dialogmøtene mellom Luftambulansen HF og Sykehusinnkjøp HF', 'SHI/Fase 0'],
  ['Felleseide foretak', 'Pasientreiser HF', 'Bruker av Sykehusinnkjøps nasjonale avtaler.', 'Informasjonsskriv', 'SHI/Fase 0'],
  ['Felleseide foretak', 'Sykehusbygg HF', 'Bruker av Sykehusinnkjøps nasjonale avtaler. Sykehusinnkjøp leier ut anskaffelsespersonell til gjennomføring av anskaffelser til sykehusbyggprosjekter.', 'Informasjon i de ordinære dialogmøtene mellom Sykehusbygg HF og Sykehusinnkjøp HF', 'SHI/Fase 0'],
  ['Felleseide foretak', 'Helseforetakenes driftsorganisasjon for nødnett (HDO) HF', 'Bruker av Sykehusinnkjøps nasjonale avtaler. Sykehusinnkjøp leier ut anskaffelsespersonell til gjennomføring av anskaffelser for HDO.', 'Informasjon i de ordinære dialogmøtene mellom HDO HF og Sykehusinnkjøp HF', 'SHI/Fase 0'],
  ['Sykehusinnkjøp HF', 'Styret', 'Skal behandle sak om plan for implementering', 'Plan for ny styringsmodell\nStatusrapportering', 'SHI/ mars 23\nSHI/Faseoverganger'],
  ['Sykehusinnkjøp HF', 'AD og ledergruppe', 'Skal behandle sak om plan for implementering', 'Plan for ny styringsmodell\nStatusrapportering', 'SHI/mars 23\nSHI/Faseoverganger'],
  ['Sykehusinnkjøp HF', 'Nivå 3 - ledere', 'Avdelingsledere', 'Sak i utvidet ledermøte\nOpplæringsprogram', 'SHI/Fase 0'],
  ['Sykehusinnkjøp HF', 'Medarbeidere', 'Operative divisjoner og støtteenheter . Spesielt fokus på de som allerede jobber med fler-regionale anskaffelser.', 'Sak i ordinære divisjonsmøter/avdelingsmøter\nStatusoppdateringer\nOpplæringsprogram', 'SHI/Fase 0\nSHI/Faseoverganger'],
  ['Norsk Helsenett SF og etater underlagt HOD', 'Norsk Helsenett SF og etater underlagt Helse- og omsorgsdepartementet', 'Bruker av Sykehusinnkjøps nasjonale avtaler. Bidrar med fagkompetanse inn i enkelte nasjonale anskaffelser.', 'Sak i de ordinære dialogmøtene mellom Norsk Helsenett SF og Sykehusinnkjøp HF', 'SHI/Fase 0'],
];

/** Vedlegg 04: [category heading, name, project start, announcement (as written), transfer to new model]. */
export const transitions: Array<[string, string, string, string, boolean]> = [
  ['Administrasjon', 'Innfordringstjenester', '01.11.2022', '01.11.2022', false],
  ['Administrasjon', 'Flytjenester', '22.11.2022', '20.09.2023', true],
  ['Administrasjon', 'Forsikringsmeglertjenester', '09.01.2023', '30.05.2023', false],
  ['Administrasjon', 'Finansielle revisjonstjenester', '01.02.2023', '-', true],
  ['Bygg & Eiendom/Bygg-prosjekt', 'Vaskeritjenester', '02.12.2022', '01.09.2023', false],
  ['Bygg & Eiendom/Bygg-prosjekt', 'Mat og drikke', '16.11.2022', 'Oktober 23', false],
  ['Bygg & Eiendom/Bygg-prosjekt', 'Arkitekt- og rådgivende ingeniørtjenester', '01.03.2023', '15.11.2023', false],
  ['Bygg & Eiendom/Bygg-prosjekt', 'Fossil energi, drivstoff', '01.06.2023', '25.04.2024', true],
  ['Bygg & Eiendom/Bygg-prosjekt', 'Bilberging og bilglass', '15.08.2023', '01.06.2024', true],
  ['Medisinske forbruksvarer (MFV)', 'Hygieneprodukter HG1 - smittevern', '01.12.2022', '15.08.2023', false],
  ['Medisinske forbruksvarer (MFV)', 'Inkontinensprodukter', '02.01.2024', '01.11.2024', true],
  ['Kirurgiske produkter (KIR)', 'Hjerteventiler', '01.12.2022', '15.09.2023', false],
  ['Kirurgiske produkter (KIR)', 'Nevrokirurgiske implantater og forbruksmateriell', '01.02.2023', '03.01.2024', false],
  ['Kirurgiske produkter (KIR)', 'Ablasjon', '01.03.2024', '15.02.2025', true],
  ['Medisinsk-teknisk utstyr/BHM/Medisinsk grunnutstyr', 'Ernæringssystemer -Forbruksmateriell til enteral ernæring', '02.01.2023', '01.06.2023', false],
  ['Medisinsk-teknisk utstyr/BHM/Medisinsk grunnutstyr', 'CPAP, BiPAP, forstøvere, fuktere og masker mm', '02.10.2023', '14.08.2024', true],
  ['Laboratorieprodukter', 'Innkjøp til Livmorhalsprogrammet', '01.09.2022', '03.04.2023', false],
];

/** "01.04.2023" → "2023-04-01". */
export const isoFromNorwegian = (value: string | null) => {
  if (!value) return null;
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
};
