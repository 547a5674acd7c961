import type { MailMessage } from '../mail/mailer.ts';
import type { OrgRole } from './organizations.schemas.ts';

/** The mails of the organizations domain, in Japanese then English (the recipient may read either). */

const ROLE_JA: Record<OrgRole, string> = { owner: 'オーナー', editor: '編集者', viewer: '閲覧者' };
const ROLE_EN: Record<OrgRole, string> = { owner: 'owner', editor: 'editor', viewer: 'viewer' };

export function registrationReceivedMail(to: string, organizationName: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体登録の申請を受け付けました / Organization registration received',
    text:
      `「${organizationName}」の団体登録の申請を受け付けました。区の担当者が内容を確認します。\n` +
      `確認の結果はメールと団体ページでお知らせします。\n${consoleUrl}\n\n` +
      `We received the registration of "${organizationName}". Ward staff will review it; you will be told the result by mail and on the organization console.\n`
  };
}

export function approvedMail(to: string, organizationName: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体登録が承認されました / Your organization is verified',
    text:
      `「${organizationName}」の団体登録が承認されました。団体のページが「地域の団体」に掲載されます。\n${consoleUrl}\n\n` +
      `"${organizationName}" has been verified by the ward. Its page now appears in the directory of local organizations.\n`
  };
}

export function needsInfoMail(to: string, organizationName: string, message: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体登録について追加の情報をお願いします / More information needed',
    text:
      `「${organizationName}」の団体登録について、区の担当者から追加の情報をお願いしています。\n\n` +
      `担当者からのメッセージ：\n${message}\n\n` +
      `団体ページで登録内容を修正して、もう一度申請してください。\n${consoleUrl}\n\n` +
      `Ward staff need more information about the registration of "${organizationName}" (message above). ` +
      `Please edit the profile on the organization console and submit it again.\n`
  };
}

export function refusedMail(to: string, organizationName: string, reason: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体登録を承認できませんでした / Registration refused',
    text:
      `「${organizationName}」の団体登録は、承認できませんでした。\n\n理由：\n${reason}\n\n` +
      `ご不明な点は区の担当窓口にお問い合わせください。\n${consoleUrl}\n\n` +
      `The registration of "${organizationName}" was refused for the reason above. Please contact the ward if you have questions.\n`
  };
}

export function suspendedMail(to: string, organizationName: string, reason: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体の掲載を停止しました / Organization suspended',
    text:
      `区の担当者が「${organizationName}」の掲載を停止しました。停止中は団体のページが公開されず、投稿もできません。\n\n理由：\n${reason}\n\n${consoleUrl}\n\n` +
      `Ward staff suspended "${organizationName}" for the reason above. While suspended, its page is not public and it cannot publish.\n`
  };
}

export function unsuspendedMail(to: string, organizationName: string, reason: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: '【育み】団体の掲載停止を解除しました / Suspension lifted',
    text:
      `区の担当者が「${organizationName}」の掲載停止を解除しました。\n\n${reason}\n\n${consoleUrl}\n\n` +
      `Ward staff lifted the suspension of "${organizationName}".\n`
  };
}

export function invitationMail(to: string, inviterName: string, organizationName: string, orgRole: OrgRole, url: string, validDays: number): MailMessage {
  return {
    to,
    subject: `【育み】「${organizationName}」のメンバーへの招待 / Invitation to an organization`,
    text:
      `${inviterName}さんから、育みの団体「${organizationName}」に${ROLE_JA[orgRole]}として参加する招待が届きました。\n` +
      `参加するには、このメールアドレスでログインして、${validDays}日以内に次のリンクを開いてください。\n${url}\n\n` +
      `心当たりがない場合は、このメールを無視してください。リンクを開かなければ何も起こりません。\n\n` +
      `${inviterName} invited you to join "${organizationName}" on Hagukumi as ${ROLE_EN[orgRole]}.\n` +
      `To join, sign in with this email address and open this link within ${validDays} days:\n${url}\n\n` +
      `If you did not expect this, ignore this mail: nothing happens unless you open the link.\n`
  };
}

export function officialOwnerMail(to: string, organizationName: string, consoleUrl: string): MailMessage {
  return {
    to,
    subject: `【育み】「${organizationName}」のオーナーになりました / You own an official organization`,
    text:
      `区の担当者が公式の団体「${organizationName}」を作成し、あなたをオーナーにしました。\n${consoleUrl}\n\n` +
      `Ward staff created the official organization "${organizationName}" with you as its owner.\n`
  };
}
