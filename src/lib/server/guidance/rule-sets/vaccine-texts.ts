import type { VaccineCode } from './immunisation-schedule.ts';

/** Names and plain explanations of each routine vaccine, used to write the dose rules' content. */
export interface VaccineText {
  name: { ja: string; en: string; easy: string };
  what: { ja: string; en: string; easy: string };
  why: { ja: string; en: string; easy: string };
}

export const VACCINE_TEXTS: Record<VaccineCode, VaccineText> = {
  hbv: {
    name: { ja: 'B型肝炎', en: 'Hepatitis B', easy: 'Bがたかんえん' },
    what: {
      ja: 'B型肝炎ワクチンの定期接種です。1歳になる前に3回接種します（標準は生後2か月から9か月まで）。',
      en: 'Routine hepatitis B vaccination: 3 doses before the first birthday (usually from 2 to 9 months).',
      easy: 'Bがたかんえんの よぼうせっしゅです。1さいに なるまでに 3かい うちます。'
    },
    why: {
      ja: '乳幼児期に感染すると慢性化しやすく、将来の肝炎・肝がんを防ぐために大切です。',
      en: 'Infection in early childhood often becomes chronic; the vaccine protects against later liver disease and cancer.',
      easy: 'かんぞうの びょうきを ふせぎます。'
    }
  },
  rota: {
    name: { ja: 'ロタウイルス', en: 'Rotavirus', easy: 'ロタウイルス' },
    what: {
      ja: '飲むワクチンです。1価（ロタリックス）は2回、5価（ロタテック）は3回で、途中で種類を変えることはできません。1回目は生後14週6日までに受けてください。',
      en: 'An oral vaccine: 2 doses of the monovalent (Rotarix) or 3 of the pentavalent (RotaTeq) vaccine, never mixed. The first dose must be given by 14 weeks 6 days of age.',
      easy: 'のむ ワクチンです。2かい または 3かい のみます。1かいめは うまれてから 14しゅう6にち までに のみます。'
    },
    why: {
      ja: '乳幼児の重い胃腸炎（嘔吐・下痢・脱水）を防ぎます。',
      en: 'It prevents severe gastroenteritis (vomiting, diarrhoea, dehydration) in infants.',
      easy: 'おなかの おもい びょうきを ふせぎます。'
    }
  },
  pcv: {
    name: { ja: '小児用肺炎球菌', en: 'Pneumococcal (PCV)', easy: 'しょうにようはいえんきゅうきん' },
    what: {
      ja: '生後2か月から5歳の誕生日の前日までの定期接種です。回数は1回目を受けた月齢で決まります（生後7か月未満で始めると4回）。',
      en: 'Routine from 2 months until the day before the 5th birthday. The number of doses depends on the age at the first dose (4 doses when started before 7 months).',
      easy: '2かげつから 5さいまでに うちます。はじめた とき の つきれいで かいすうが かわります。'
    },
    why: {
      ja: '細菌性髄膜炎や重い肺炎などを防ぎます。',
      en: 'It protects against bacterial meningitis and severe pneumonia.',
      easy: 'あたまや はいの おもい びょうきを ふせぎます。'
    }
  },
  dpt_ipv_hib: {
    name: { ja: '5種混合', en: '5-in-1 (DPT-IPV-Hib)', easy: '5しゅこんごう' },
    what: {
      ja: 'ジフテリア・百日せき・破傷風・ポリオ・Hibを予防する5種混合ワクチンです。初回3回（20日以上の間隔）と、その6か月以上後に追加1回を受けます。',
      en: 'The 5-in-1 vaccine against diphtheria, pertussis, tetanus, polio and Hib: 3 primary doses at least 20 days apart, then a booster at least 6 months later.',
      easy: '5つの びょうきを ふせぐ ワクチンです。ぜんぶで 4かい うちます。'
    },
    why: {
      ja: '乳児がかかると重症になりやすい百日せきやHib感染症などを防ぎます。4種混合＋Hibで始めた場合は、同じ組み合わせで続けます。',
      en: 'It protects against diseases that are severe in babies, such as whooping cough and Hib. A series started with 4-in-1 + Hib is finished the same way.',
      easy: 'あかちゃんが かかると あぶない びょうきを ふせぎます。'
    }
  },
  dpt_ipv: {
    name: { ja: '4種混合', en: '4-in-1 (DPT-IPV)', easy: '4しゅこんごう' },
    what: {
      ja: '2024年3月までに4種混合で接種を始めた方の続きの接種です（Hibは別に受けます）。5種混合に切り替えずに同じ組み合わせで完了します。',
      en: 'For children who started with the 4-in-1 vaccine before April 2024 (Hib given separately); the series is finished without switching to 5-in-1.',
      easy: '4しゅこんごうで はじめた 人の つづきです。'
    },
    why: {
      ja: 'ジフテリア・百日せき・破傷風・ポリオを防ぎます。',
      en: 'It protects against diphtheria, pertussis, tetanus and polio.',
      easy: '4つの びょうきを ふせぎます。'
    }
  },
  hib: {
    name: { ja: 'ヒブ（Hib）', en: 'Hib', easy: 'ヒブ' },
    what: {
      ja: '4種混合で接種を始めた方が別に受けるHibワクチンです。回数は1回目を受けた月齢で決まります。',
      en: 'The separate Hib vaccine for children on the 4-in-1 series; the number of doses depends on the age at the first dose.',
      easy: '4しゅこんごうの 人が べつに うつ ワクチンです。'
    },
    why: {
      ja: 'Hibによる細菌性髄膜炎などを防ぎます。',
      en: 'It protects against Hib meningitis and other serious infections.',
      easy: 'あたまの おもい びょうきを ふせぎます。'
    }
  },
  bcg: {
    name: { ja: 'BCG', en: 'BCG', easy: 'BCG' },
    what: {
      ja: '結核を予防するワクチンです。1歳になる前に1回（標準は生後5か月から8か月）。',
      en: 'The tuberculosis vaccine: one dose before the first birthday (usually at 5 to 8 months).',
      easy: 'けっかくを ふせぐ ワクチンです。1さいまでに 1かい うちます。'
    },
    why: {
      ja: '乳幼児の重い結核（結核性髄膜炎など）を防ぎます。',
      en: 'It protects infants against severe forms of tuberculosis.',
      easy: 'おもい けっかくを ふせぎます。'
    }
  },
  mr: {
    name: { ja: '麻しん風しん（MR）', en: 'Measles-rubella (MR)', easy: 'はしか・ふうしん' },
    what: {
      ja: '1期は1歳から2歳になる前日まで、2期は小学校入学前の1年間（年長）に受けます。',
      en: 'Dose 1 between the 1st and 2nd birthdays; dose 2 in the year before elementary school.',
      easy: '1さいの とき と、しょうがっこうに はいる まえの 1ねんかんに うちます。'
    },
    why: {
      ja: '感染力がとても強い麻しん・風しんを防ぎます。',
      en: 'It protects against measles and rubella, which spread very easily.',
      easy: 'うつりやすい はしかと ふうしんを ふせぎます。'
    }
  },
  varicella: {
    name: { ja: '水痘（水ぼうそう）', en: 'Varicella (chickenpox)', easy: 'みずぼうそう' },
    what: {
      ja: '1歳から3歳になる前日までに2回受けます。2回目は1回目から3か月以上あけます（標準は6〜12か月後）。',
      en: 'Two doses between the 1st and 3rd birthdays, at least 3 months apart (usually 6–12 months).',
      easy: '1さいから 3さいまでに 2かい うちます。'
    },
    why: {
      ja: '水ぼうそうとその重い合併症を防ぎます。',
      en: 'It prevents chickenpox and its serious complications.',
      easy: 'みずぼうそうを ふせぎます。'
    }
  },
  je: {
    name: { ja: '日本脳炎', en: 'Japanese encephalitis', easy: 'にほんのうえん' },
    what: {
      ja: '1期は生後6か月から7歳6か月になる前日まで（標準は3歳で2回、その約1年後に1回）、2期は9歳から13歳になる前日までに1回受けます。',
      en: 'Stage 1 from 6 months until the day before 7½ years (usually 2 doses at 3 years and one about a year later); stage 2 once between 9 and 13.',
      easy: '3さいごろに 2かい、4さいごろに 1かい、9さいごろに 1かい うちます。'
    },
    why: {
      ja: '蚊が媒介する日本脳炎を防ぎます。',
      en: 'It protects against Japanese encephalitis, spread by mosquitoes.',
      easy: 'かが うつす びょうきを ふせぎます。'
    }
  },
  dt: {
    name: { ja: '二種混合（DT）2期', en: 'DT (stage 2)', easy: '2しゅこんごう' },
    what: {
      ja: '11歳から13歳になる前日までに1回受けます（標準は11歳）。',
      en: 'One dose between the 11th and 13th birthdays (usually at 11).',
      easy: '11さいごろに 1かい うちます。'
    },
    why: {
      ja: 'ジフテリアと破傷風の免疫を保ちます。',
      en: 'It keeps up immunity against diphtheria and tetanus.',
      easy: 'びょうきを ふせぐ ちからを たもちます。'
    }
  },
  hpv: {
    name: { ja: 'HPV（子宮頸がん予防）', en: 'HPV (cervical cancer prevention)', easy: 'HPV（しきゅうけいがんの よぼう）' },
    what: {
      ja: '小学6年生から高校1年生相当の女子が対象の定期接種です（標準は中学1年生）。15歳になる前に始めると2回、それ以外は3回です。',
      en: 'Routine for girls from the 6th grade of elementary school to the 1st year of high school (usually in the 1st year of junior high). 2 doses when started before 15, otherwise 3.',
      easy: 'しょうがっこう 6ねんせいから こうこう 1ねんせいの おんなのこが うけられます。'
    },
    why: {
      ja: '子宮頸がんの原因となるHPVの感染を防ぎます。',
      en: 'It prevents infection with the HPV types that cause cervical cancer.',
      easy: 'しきゅうけいがんを ふせぎます。'
    }
  }
};
