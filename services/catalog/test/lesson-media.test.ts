import type { MediaClient } from '@lms/kit/clients';
import type { File__Output } from '@lms/kit/generated/lms/media/v1/File';
import { CLASSROOM_USERS, clientSignedAs, startFleet as startTestFleet, type Fleet } from '@lms/testing-fleet';
// The media suite's own fixtures: small valid files of each type (built from their structures).
import { mp4, pdf, png } from '../../media/test/fixtures/files';
import { ANONYMOUS, captureEvents, courseRequest, expectGrpcError, eventually, GrpcStatus, lessonRequest, type CapturedEvents, type CatalogClient, type User } from './support';

/**
 * Lessons referencing uploaded files (issue 14), against a real media service (local storage) and a real
 * enrollment service: catalog validates every reference through media's BatchGetFileFacts, answers media's
 * CanReadLessonFile with GetLesson's own rule, and detaches a file media deleted (file.deleted).
 */
describe('Lesson media: videos and attachments from the media service', () => {
  let fleet: Fleet<keyof typeof CLASSROOM_USERS>;
  let catalog: CatalogClient;
  let media: MediaClient;
  /** Catalog as media calls it (signed as the media service). */
  let asMedia: CatalogClient;
  let events: CapturedEvents;
  let owner: User;
  let other: User;
  let student: User;
  let otherStudent: User;
  let admin: User;

  beforeAll(async () => {
    fleet = await startTestFleet({
      label: 'cat_lesson_media',
      services: ['catalog', 'enrollment', 'media'],
      catalogReadsEnrollment: true,
      env: { media: { STORAGE_PROVIDER: 'local' }, catalog: { GRPC_DEADLINE_MS: '3000' } },
      users: CLASSROOM_USERS,
    });
    catalog = fleet.catalog!.client;
    media = fleet.media!.client as MediaClient;
    asMedia = clientSignedAs('catalog', fleet.catalog!.address, 'media', 3000);
    events = await captureEvents(fleet.vhost.url, ['lesson.*']);
    ({ instructor: owner, otherInstructor: other, student, otherStudent } = fleet.users);
    admin = fleet.admin!;
  }, 120_000);

  afterAll(async () => {
    asMedia?.close();
    await events?.close();
    await fleet?.close();
  });

  const upload = (user: User, filename: string, bytes: Buffer): Promise<File__Output> =>
    media.Upload(
      (function* () {
        yield { start: { original_filename: filename, expected_size: bytes.length } };
        yield { chunk: bytes };
        yield { end: { total_bytes: bytes.length } };
      })(),
      user.auth,
    );
  const fieldErrors = async (call: Promise<unknown>) =>
    (await expectGrpcError(call, GrpcStatus.INVALID_ARGUMENT, 'VALIDATION_FAILED')).fields!.map((e) => [e.loc.join('.'), e.msg]);
  const newCourse = async () => catalog.CreateCourse(courseRequest(), owner.auth);

  test('When the owner attaches an own video and files, then the lesson shows them in order (snapshots); an update replaces them and "" detaches the video', async () => {
    const [video, handout, picture] = await Promise.all([
      upload(owner, 'week1.mp4', mp4({ durationSeconds: 3 })),
      upload(owner, 'handout.pdf', pdf()),
      upload(owner, 'diagram.png', png()),
    ]);
    const course = await newCourse();
    const lesson = await catalog.CreateLesson(
      lessonRequest(course.id, { lesson_type: 'video', video_file_id: video.id, attachment_file_ids: [handout.id, picture.id] }),
      owner.auth,
    );
    expect(lesson.video_file_id).toBe(video.id);
    expect(lesson.video_url).toBe('');
    expect(lesson.attachments).toEqual([
      { file_id: handout.id, filename: 'handout.pdf', file_type: 'document', mime_type: 'application/pdf', file_size: String(handout.file_size) },
      { file_id: picture.id, filename: 'diagram.png', file_type: 'image', mime_type: 'image/png', file_size: String(picture.file_size) },
    ]);
    expect((await catalog.GetLesson({ lesson_id: lesson.id }, owner.auth)).attachments.map((a) => a.file_id)).toEqual([handout.id, picture.id]);

    const reordered = await catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['attachment_file_ids'], attachment_file_ids: [picture.id] }, owner.auth);
    expect(reordered.attachments.map((a) => a.file_id)).toEqual([picture.id]);
    const changed = await events.waitFor((e) => e.type === 'lesson.updated' && e.data.lesson_id === lesson.id);
    expect(changed.event.data.changed_fields).toEqual(['attachment_file_ids']);

    // A video lesson keeps a video: detaching the file needs a video_url instead.
    expect(await fieldErrors(catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['video_file_id'], video_file_id: '' }, owner.auth))).toEqual([
      ['video_url', 'is required for video lessons (or an uploaded video as video_file_id)'],
    ]);
    const detached = await catalog.UpdateLesson(
      { lesson_id: lesson.id, fields: ['video_file_id', 'video_url'], video_file_id: '', video_url: 'https://video.example/w1.mp4' },
      owner.auth,
    );
    expect({ video_file_id: detached.video_file_id, video_url: detached.video_url, attachments: detached.attachments.length }).toEqual({
      video_file_id: '',
      video_url: 'https://video.example/w1.mp4',
      attachments: 1,
    });
  });

  test("When a lesson references someone else's file, a missing file, a document as its video or a file twice, then INVALID_ARGUMENT names each; an admin's upload is accepted", async () => {
    const [mine, theirs, adminFile, document] = await Promise.all([
      upload(owner, 'mine.pdf', pdf()),
      upload(other, 'theirs.pdf', pdf()),
      upload(admin, 'official.pdf', pdf()),
      upload(owner, 'notes.pdf', pdf()),
    ]);
    const course = await newCourse();
    const missing = '00000000-0000-4000-8000-000000000001';
    expect(
      await fieldErrors(
        catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [mine.id, theirs.id, missing], video_file_id: document.id }), owner.auth),
      ),
    ).toEqual([
      ['video_file_id', 'The file is not a video'],
      ['attachment_file_ids.1', 'The file was not uploaded by the course owner'],
      ['attachment_file_ids.2', 'File not found'],
    ]);
    expect(await fieldErrors(catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [mine.id, mine.id] }), owner.auth))).toEqual([
      ['attachment_file_ids.1', 'is listed more than once'],
    ]);
    const tooMany = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(await fieldErrors(catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: tooMany }), owner.auth))).toEqual([
      ['attachment_file_ids', 'must contain at most 20 files'],
    ]);
    const lesson = await catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [adminFile.id, mine.id] }), owner.auth);
    expect(lesson.attachments.map((a) => a.file_id)).toEqual([adminFile.id, mine.id]);
    // The other instructor cannot slip their file into the owner's lesson by an update either.
    expect(await fieldErrors(catalog.UpdateLesson({ lesson_id: lesson.id, fields: ['attachment_file_ids'], attachment_file_ids: [theirs.id] }, owner.auth))).toEqual([
      ['attachment_file_ids.0', 'The file was not uploaded by the course owner'],
    ]);
  });

  test('When media cannot be reached, then a lesson write with files is UNAVAILABLE (retryable, nothing written) and one without files still works', async () => {
    const replica = await fleet.catalog!.replica({ MEDIA_GRPC_ADDR: '127.0.0.1:9', GRPC_DEADLINE_MS: '1000' });
    try {
      const course = await newCourse();
      const file = '00000000-0000-4000-8000-0000000000aa';
      await expectGrpcError(
        replica.client.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [file] }), owner.auth),
        GrpcStatus.UNAVAILABLE,
        'CATALOG.MEDIA_UNAVAILABLE',
      );
      expect((await catalog.ListLessons({ course_id: course.id }, owner.auth)).items).toEqual([]);
      expect((await replica.client.CreateLesson(lessonRequest(course.id), owner.auth)).attachments).toEqual([]);
    } finally {
      await replica.close();
    }
  });

  test('When media asks CanReadLessonFile, then owner, admin and enrolled students may read a file of a published lesson, others not; anyone a preview lesson\'s; only media may ask', async () => {
    const [attachment, previewFile, draftFile] = await Promise.all([
      upload(owner, 'week.pdf', pdf()),
      upload(owner, 'preview.png', png()),
      upload(owner, 'draft.pdf', pdf()),
    ]);
    const course = await newCourse();
    const preview = await catalog.CreateLesson(lessonRequest(course.id, { is_preview: true, attachment_file_ids: [previewFile.id] }), owner.auth);
    const week = await catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [attachment.id] }), owner.auth);
    await catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [draftFile.id] }), owner.auth); // stays a draft
    await catalog.PublishLesson({ lesson_id: preview.id }, owner.auth);
    await catalog.PublishLesson({ lesson_id: week.id }, owner.auth);
    await catalog.PublishCourse({ course_id: course.id }, owner.auth);
    await fleet.enrollment!.client.Enroll({ course_id: course.id }, student.auth);

    const ask = (fileId: string, who: User | undefined) => asMedia.CanReadLessonFile({ file_id: fileId }, who ? who.auth : ANONYMOUS);
    expect(await ask(attachment.id, owner)).toEqual({ allowed: true, lesson_ids: [week.id] });
    expect(await ask(attachment.id, admin)).toEqual({ allowed: true, lesson_ids: [week.id] });
    expect(await ask(attachment.id, student)).toEqual({ allowed: true, lesson_ids: [week.id] });
    expect(await ask(attachment.id, otherStudent)).toEqual({ allowed: false, lesson_ids: [] });
    expect(await ask(attachment.id, other)).toEqual({ allowed: false, lesson_ids: [] });
    expect(await ask(attachment.id, undefined)).toEqual({ allowed: false, lesson_ids: [] });
    expect(await ask(previewFile.id, undefined)).toEqual({ allowed: true, lesson_ids: [preview.id] });
    expect(await ask(previewFile.id, otherStudent)).toEqual({ allowed: true, lesson_ids: [preview.id] });
    expect(await ask(draftFile.id, student)).toEqual({ allowed: false, lesson_ids: [] });
    expect(await ask(draftFile.id, owner)).toMatchObject({ allowed: true });
    await expectGrpcError(catalog.CanReadLessonFile({ file_id: attachment.id }, owner.auth), GrpcStatus.PERMISSION_DENIED, 'CATALOG.MEDIA_CALLER_ONLY');

    // End to end: media itself asks catalog for a private file its reader did not upload.
    expect((await media.GetFile({ file_id: attachment.id }, student.auth)).id).toBe(attachment.id);
    await expectGrpcError(media.GetFile({ file_id: attachment.id }, otherStudent.auth), GrpcStatus.NOT_FOUND);
    expect((await media.GetFile({ file_id: previewFile.id }, ANONYMOUS)).id).toBe(previewFile.id);
  });

  test('When media deletes a file, then every lesson referencing it loses it (lesson.updated names the fields), the others keep their order, and it cannot be attached again', async () => {
    const [video, gone, kept] = await Promise.all([upload(owner, 'v.mp4', mp4()), upload(owner, 'gone.pdf', pdf()), upload(owner, 'kept.png', png())]);
    const course = await newCourse();
    const first = await catalog.CreateLesson(lessonRequest(course.id, { lesson_type: 'video', video_file_id: video.id, attachment_file_ids: [gone.id, kept.id] }), owner.auth);
    const second = await catalog.CreateLesson(lessonRequest(course.id, { attachment_file_ids: [gone.id] }), owner.auth);

    await media.DeleteFile({ file_id: gone.id }, owner.auth);
    await media.DeleteFile({ file_id: video.id }, owner.auth);
    await eventually(async () => {
      const lesson = await catalog.GetLesson({ lesson_id: first.id }, owner.auth);
      expect({ video: lesson.video_file_id, attachments: lesson.attachments.map((a) => a.file_id) }).toEqual({ video: '', attachments: [kept.id] });
    });
    await eventually(async () => expect((await catalog.GetLesson({ lesson_id: second.id }, owner.auth)).attachments).toEqual([]));
    await eventually(async () => {
      const changes = events
        .matching((e) => e.type === 'lesson.updated' && (e.data.lesson_id === first.id || e.data.lesson_id === second.id))
        .map((e) => [e.data.lesson_id === first.id ? 'first' : 'second', e.data.changed_fields]);
      expect(changes).toHaveLength(3);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['first', ['attachment_file_ids']],
          ['first', ['video_file_id']],
          ['second', ['attachment_file_ids']],
        ]),
      );
    });
    expect(await fieldErrors(catalog.UpdateLesson({ lesson_id: second.id, fields: ['attachment_file_ids'], attachment_file_ids: [gone.id] }, owner.auth))).toEqual([
      ['attachment_file_ids.0', 'File not found'],
    ]);
  });
});
