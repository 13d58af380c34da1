import { randomUUID } from 'node:crypto';
import { parkingLotQueue } from '@lms/kit/events';
import { eventually, mailTo, queueDepth, waitForMail, type CapturedMail } from '@lms/kit/testing';
import { MAIL_QUEUES } from '../src/events/mail.consumer';
import { clientSignedAs, eventPublisher } from '@lms/testing-fleet';
import { adminSession, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthClient, type AuthHarness } from './support';

/**
 * Issue 15, what the certificate service needs from auth: BatchGetUsers names students to the certificate
 * service without a user token (FULL_PROFILE_CALLERS), and `certificate.issued` mails the student "Your
 * certificate is ready" (auth.mail.certificate-issued: once per event, none to deactivated or deleted accounts).
 */
describe('auth: for the certificate service', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let publisher: Awaited<ReturnType<typeof eventPublisher>>;
  const clients: AuthClient[] = [];

  const signedAs = (caller: string) => {
    const client = clientSignedAs('auth', `127.0.0.1:${h.service.grpcPort}`, caller);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // One message in hand per queue: a mail to a later event's student arrives after every earlier event was handled.
    h = await startAuth('certificate', { EVENT_PREFETCH: '1' });
    admin = await adminSession(h);
    publisher = await eventPublisher(h.vhost.url, 'lms/certificate');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await publisher?.close();
    await h?.close();
  });

  describe('BatchGetUsers', () => {
    test('When the certificate service asks without a user token, then students come back too; other services and anonymous callers still see teaching profiles only', async () => {
      const student = await signUpAndIn(h.client, 'certstudent');
      const gone = await signUpAndIn(h.client, 'certgone');
      await h.client.DeleteUser({ user_id: gone.user.id }, admin.auth);
      const teacherEmail = uniqueEmail('certteacher');
      const teacher = await h.client.CreateUser({ email: teacherEmail, password: STRONG_PASSWORD, full_name: 'Teacher', role: 'instructor' }, admin.auth);
      const ids = [student.user.id, teacher.id, gone.user.id];

      const asCertificate = await signedAs('certificate').BatchGetUsers({ ids });
      expect(asCertificate.items.map((u) => u.id)).toEqual([student.user.id, teacher.id]);
      expect(asCertificate.items[0]).toMatchObject({ full_name: 'certstudent Tester', role: 'student' });
      expect(JSON.stringify(asCertificate)).not.toContain(student.email.toLowerCase()); // public profiles: no email

      for (const client of [signedAs('gateway'), signedAs('catalog'), h.client]) {
        expect((await client.BatchGetUsers({ ids })).items.map((u) => u.id)).toEqual([teacher.id]);
      }
      // With a user token the rule is the token's, as before: students included.
      expect((await signedAs('gateway').BatchGetUsers({ ids }, student.auth)).items.map((u) => u.id)).toEqual([student.user.id, teacher.id]);
    });
  });

  describe('certificate.issued → "Your certificate is ready"', () => {
    const issued = (studentId: string, courseTitle: string) => {
      const certificateId = randomUUID();
      const number = `CERT-20260217-${randomUUID().slice(0, 8).toUpperCase()}`;
      return publisher.event('certificate.issued', certificateId, {
        certificate_id: certificateId,
        certificate_number: number,
        enrollment_id: randomUUID(),
        student_id: studentId,
        course_id: randomUUID(),
        student_name: 'Snapshot Name',
        course_title: courseTitle,
        instructor_name: 'Instructor',
        completion_date: '2026-02-17T10:00:00.000Z',
        final_grade: 'A',
        total_hours: '3 hours',
        issued_at: new Date().toISOString(),
        issued_via: 'event',
        pdf_url: `http://localhost:8080/api/v1/certificates/${certificateId}/download`,
        verification_url: `http://localhost:8080/api/v1/certificates/verify/${number}`,
      });
    };
    const isReady = (m: CapturedMail) => m.subject.startsWith('Your certificate is ready');
    /** Every certificate.issued published before it has been handled once its mail arrived (EVENT_PREFETCH 1). */
    const barrier = async () => {
      const other = await signUpAndIn(h.client, 'certbarrier');
      await publisher.publish(issued(other.user.id, 'Barrier course'));
      await waitForMail(other.email, isReady);
    };

    test('When a certificate is issued, then the student gets one email naming the course (escaped) with the download and verification links', async () => {
      const { email, user } = await signUpAndIn(h.client, 'certready');
      const title = `Intro <b>& مقدمة</b> ${randomUUID().slice(0, 6)}`;
      const event = issued(user.id, title);
      await publisher.publish(event);
      await publisher.publish(event); // redelivery: same event id, no second email
      const mail = await waitForMail(email, isReady);
      const data = event.data as { pdf_url: string; verification_url: string; certificate_number: string };
      expect(mail.subject).toBe(`Your certificate is ready: ${title}`);
      expect(mail.text).toContain('Hello certready Tester,');
      expect(mail.text).toContain(title);
      expect(mail.text).toContain(data.certificate_number);
      expect(mail.text).toContain(data.pdf_url);
      expect(mail.text).toContain(data.verification_url);
      expect(mail.html).toContain(`href="${data.pdf_url}"`);
      expect(mail.html).toContain(`href="${data.verification_url}"`);
      expect(mail.html).toContain('Intro &lt;b&gt;&amp; مقدمة&lt;/b&gt;');
      expect(mail.html).not.toContain('<b>&');
      await barrier();
      expect((await mailTo(email)).filter(isReady)).toHaveLength(1);
    });

    test('When the student was deactivated or deleted, then nothing is sent; a javascript: link is refused (parked), never mailed', async () => {
      const inactive = await signUpAndIn(h.client, 'certinactive');
      const deleted = await signUpAndIn(h.client, 'certdeleted');
      const hostile = await signUpAndIn(h.client, 'certhostile');
      await h.client.DeactivateUser({ user_id: inactive.user.id }, admin.auth);
      await h.client.DeleteUser({ user_id: deleted.user.id }, admin.auth);
      await publisher.publish(issued(inactive.user.id, 'Course A'));
      await publisher.publish(issued(deleted.user.id, 'Course B'));
      const bad = issued(hostile.user.id, 'Course C');
      await publisher.publish({ ...bad, data: { ...(bad.data as object), verification_url: 'javascript:alert(1)' } });
      await barrier();
      expect((await mailTo(inactive.email)).filter(isReady)).toEqual([]);
      expect((await mailTo(deleted.email)).filter(isReady)).toEqual([]);
      expect((await mailTo(hostile.email)).filter(isReady)).toEqual([]);
      await eventually(async () => expect(await queueDepth(h.vhost.url, parkingLotQueue(MAIL_QUEUES.certificateIssued))).toBe(1));
    });
  });
});
