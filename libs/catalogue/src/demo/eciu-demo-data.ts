/**
 * Demo data: members of the ECIU University alliance as they present themselves publicly, and a joint
 * challenge-based micro-credential co-awarded by three of them. ESCO skills are real ESCO concepts.
 */
export interface DemoMember {
  key: string;
  name: string;
  legalName: string;
  countryCode: string;
  region?: string;
  homepage: string;
}

export const ECIU_MEMBERS: DemoMember[] = [
  {
    key: 'aau',
    name: 'Aalborg University',
    legalName: 'Aalborg Universitet',
    countryCode: 'DK',
    region: 'DK-81',
    homepage: 'https://www.aau.dk',
  },
  {
    key: 'dcu',
    name: 'Dublin City University',
    legalName: 'Dublin City University',
    countryCode: 'IE',
    region: 'Dublin',
    homepage: 'https://www.dcu.ie',
  },
  {
    key: 'tuhh',
    name: 'Hamburg University of Technology',
    legalName: 'Technische Universität Hamburg',
    countryCode: 'DE',
    region: 'DE-HH',
    homepage: 'https://www.tuhh.de',
  },
  {
    key: 'ktu',
    name: 'Kaunas University of Technology',
    legalName: 'Kauno technologijos universitetas',
    countryCode: 'LT',
    region: 'Kaunas',
    homepage: 'https://ktu.edu',
  },
  {
    key: 'liu',
    name: 'Linköping University',
    legalName: 'Linköpings universitet',
    countryCode: 'SE',
    region: 'SE-E',
    homepage: 'https://liu.se',
  },
  {
    key: 'tuni',
    name: 'Tampere University',
    legalName: 'Tampereen yliopisto',
    countryCode: 'FI',
    region: 'Pirkanmaa',
    homepage: 'https://www.tuni.fi',
  },
  {
    key: 'uab',
    name: 'Universitat Autònoma de Barcelona',
    legalName: 'Universitat Autònoma de Barcelona',
    countryCode: 'ES',
    region: 'ES-CT',
    homepage: 'https://www.uab.cat',
  },
  {
    key: 'ut',
    name: 'University of Twente',
    legalName: 'Universiteit Twente',
    countryCode: 'NL',
    region: 'NL-OV',
    homepage: 'https://www.utwente.nl',
  },
];

/** The three awarding bodies of the demo credential, lead first. */
export const DEMO_AWARDING_BODIES = ['aau', 'ut', 'tuni'] as const;

export const DEMO_CREDENTIAL_TITLE = 'Challenge-Based Innovation for Sustainable Cities';

/** The demo definition for the registered ids of its three awarding bodies. */
export function demoCredentialDefinition(ids: Record<(typeof DEMO_AWARDING_BODIES)[number], string>) {
  return {
    title: DEMO_CREDENTIAL_TITLE,
    description:
      'Learners from across the alliance tackle a real urban sustainability challenge set by a city partner, combining problem-based learning, design and prototyping, and impact assessment.',
    learningOutcomes: [
      {
        description: 'Frame an open-ended urban sustainability challenge with a city partner and formulate researchable problem statements',
      },
      {
        description: 'Establish and sustain collaborative relations in a multidisciplinary team spread over three universities',
        escoSkillUri: 'http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d',
      },
      {
        description: 'Communicate solution proposals to citizens and municipal stakeholders',
        escoSkillUri: 'http://data.europa.eu/esco/skill/80f308e6-0e09-404a-80cd-ec5f50f6f304',
      },
      {
        description: 'Use creativity techniques to generate and evaluate solution concepts',
        escoSkillUri: 'http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9',
      },
    ],
    ects: 5,
    workloadHours: 135,
    eqfLevel: 7,
    qfEheaCycle: 'second-cycle',
    assessmentType: 'Team project report (60%), individual reflective portfolio (20%) and a pitch to the challenge provider (20%)',
    formOfParticipation: 'blended',
    qualityAssurance: {
      type: 'Internal quality assurance of each awarding university following the ESG (2015), with a joint programme review',
      body: 'The Danish Accreditation Institution',
      bodyUrl: 'https://akkr.dk/en/',
    },
    awardingBodies: [
      { institutionId: ids.aau, lead: true },
      { institutionId: ids.ut, lead: false },
      { institutionId: ids.tuni, lead: false },
    ],
    components: [
      {
        code: 'PBL-FRAME',
        title: 'Problem framing with the challenge provider (problem-based learning)',
        institutionId: ids.aau,
        ects: 1.5,
      },
      { code: 'DESIGN-LAB', title: 'Design and prototyping of solutions', institutionId: ids.ut, ects: 2 },
      { code: 'IMPACT', title: 'Sustainability impact assessment and stakeholder pitch', institutionId: ids.tuni, ects: 1.5 },
    ],
    issuanceRule: { allComponentsPassed: true, withinMonths: 9 },
    gradingScheme: { type: 'pass-fail', description: 'Each component is assessed pass/fail by the university that teaches it' },
    languages: ['en'],
    prerequisites: "A bachelor's degree in engineering, planning, or the social or natural sciences; English at CEFR level B2",
    supervisionAndIdentityVerification: 'supervised-online-identity-verification',
    stackability: { option: 'stackable', towards: 'An ECIU University challenge-based learning certificate' },
    furtherInformation: 'Offered through the ECIU University challenge platform; the challenge provider changes every semester.',
  };
}
