import { renderEmail, type MailMessage } from '@lms/kit/mail';
import { appLinks } from './links';

/** "You are enrolled": the course title when catalog knows it, a plain confirmation otherwise. */
export function enrolmentConfirmationEmail(input: { to: string; fullName: string; courseId: string; courseTitle: string | null; baseUrl: string }): MailMessage {
  const course = input.courseTitle ? `“${input.courseTitle}”` : 'a new course';
  return {
    ...renderEmail({
      subject: input.courseTitle ? `You are enrolled in ${input.courseTitle}` : 'You are enrolled in a new course',
      greeting: `Hello ${input.fullName},`,
      paragraphs: [`Welcome! You are now enrolled in ${course}.`, 'Your progress is saved as you go; pick up where you left off at any time.'],
      action: { label: 'Start learning', url: appLinks.course(input.baseUrl, input.courseId) },
      footer: 'You get this email because you (or an administrator) enrolled your account in this course.',
    }),
    to: input.to,
  };
}
