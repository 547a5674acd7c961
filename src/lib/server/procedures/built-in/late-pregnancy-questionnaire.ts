import type { FormField } from '../procedure-fields.ts';

/**
 * 妊娠後期面談アンケート: the questions a ward asks before the 8th-month interview of 伴走型相談支援
 * (where the birth will be, help at home afterwards, worries, whether to meet a 保健師). Built-in data;
 * a ward edits its own copy like any other form.
 */
export const LATE_PREGNANCY_QUESTIONNAIRE = {
  key: 'late-pregnancy-questionnaire',
  ruleKey: 'interview.pregnancy.eighth-month',
  title: '妊娠後期面談アンケート',
  purpose:
    'このアンケートは、出産前後に必要な支援を一緒に考えるために、区の保健センターの保健師・助産師が確認します。面談の準備と、産後の訪問や産後ケアのご案内に使います。ご本人の同意なく、ほかの目的に使ったり区の外に提供したりすることはありません。マイナンバー（個人番号）は書かないでください。',
  fields: [
    { id: 'delivery_place', type: 'text', label: '出産予定の医療機関（病院・助産所の名前）', help: 'まだ決まっていない場合は「未定」と書いてください。', required: true, options: [], showIf: null },
    { id: 'satogaeri', type: 'yes_no', label: '里帰り出産の予定はありますか', help: '', required: true, options: [], showIf: null },
    {
      id: 'satogaeri_place',
      type: 'text',
      label: '里帰り先（都道府県・市区町村）',
      help: '里帰り先の自治体にも、赤ちゃんの訪問などを連絡することがあります。',
      required: true,
      options: [],
      showIf: { fieldId: 'satogaeri', value: 'yes' }
    },
    {
      id: 'support_at_home',
      type: 'multiple_choice',
      label: '出産後、家事や育児を手伝ってくれる人はいますか（あてはまるものすべて）',
      help: '',
      required: true,
      options: ['配偶者・パートナー', '自分の親', '配偶者・パートナーの親', 'きょうだい・親戚', '友人・知人', 'いない'],
      showIf: null
    },
    {
      id: 'worries',
      type: 'multiple_choice',
      label: 'いま気になっていること・心配なこと（あてはまるものすべて）',
      help: '',
      required: false,
      options: ['出産のこと', '産後の体調', '赤ちゃんのお世話・授乳', '気持ちの落ち込みや不安', '上の子のこと', 'お金・生活のこと', '仕事・職場復帰', '特にない'],
      showIf: null
    },
    {
      id: 'postnatal_care',
      type: 'single_choice',
      label: '産後ケア（宿泊・日帰り・訪問）の利用を考えていますか',
      help: '産後の休養や授乳の相談ができる区の事業です。',
      required: false,
      options: ['利用したい', '検討中', '利用しない'],
      showIf: null
    },
    { id: 'wish_interview', type: 'yes_no', label: '保健師・助産師との面談を希望しますか', help: '', required: true, options: [], showIf: null },
    {
      id: 'interview_date',
      type: 'date',
      label: '面談の希望日（第1希望）',
      help: '保健センターから日時のご連絡をします。',
      required: false,
      options: [],
      showIf: { fieldId: 'wish_interview', value: 'yes' }
    },
    { id: 'free_text', type: 'long_text', label: 'そのほか、保健師・助産師に伝えたいこと', help: '', required: false, options: [], showIf: null }
  ] satisfies FormField[]
};
