import Foundation

/// The demo's library and training: a mentor handbook and a mentee guide written for Rising
/// Leaders, the programme's two modules (the mentors' with a quiz, the mentees' confirmed),
/// and two links to read further.
enum DemoTraining {
    static func resources(_ random: inout SeededGenerator, at now: Date) -> [Resource] {
        let added = Attribution(by: "Lodestar demo", at: now)
        return [
            Resource(id: Resource.ID(random.uuid()), title: "Rising Leaders — mentor handbook", kind: .handbook,
                     summary: "What a Rising Leaders mentor does, from the first meeting to the last: read it before you are matched.",
                     body: mentorHandbook, competencies: ["coaching-others", "communication"], audience: [.mentor], added: added),
            Resource(id: Resource.ID(random.uuid()), title: "Rising Leaders — mentee guide", kind: .guide,
                     summary: "How to get the most from six months with a mentor: goals, meetings and feedback.",
                     body: menteeGuide, competencies: ["strategic-thinking", "decision-making", "communication", "delegation"], audience: [.mentee], added: added),
            Resource(id: Resource.ID(random.uuid()), title: "The mentoring agreement: a template", kind: .template,
                     summary: "The questions a pair answers in its first meeting, to write into its agreement in Lodestar.",
                     body: agreementTemplate, competencies: ["communication"], audience: [.mentor, .mentee], added: added),
            Resource(id: Resource.ID(random.uuid()), title: "Delegation that develops people", kind: .article,
                     summary: "Why handing over authority, not only tasks, grows a team — and how to start.",
                     link: "https://en.wikipedia.org/wiki/Delegation", competencies: ["delegation"], audience: [.mentee, .manager], added: added),
        ]
    }

    static func modules(for programme: Programme.ID, _ resources: [Resource], _ random: inout SeededGenerator, at now: Date) -> [TrainingModule] {
        let added = Attribution(by: "Lodestar demo", at: now)
        return [
            TrainingModule(id: TrainingModule.ID(random.uuid()), programmeID: programme, resourceID: resources[0].id, role: .mentor,
                           title: "Mentor training", questions: mentorQuiz, added: added),
            TrainingModule(id: TrainingModule.ID(random.uuid()), programmeID: programme, resourceID: resources[1].id, role: .mentee,
                           title: "Mentee orientation", added: added),
        ]
    }

    static let mentorQuiz = [
        QuizQuestion(text: "Who sets the agenda of a mentoring meeting?", options: ["The mentor", "The mentee", "The programme manager"], answer: 1),
        QuizQuestion(text: "What stays between the two of you?", options: ["Nothing: the manager reads the notes", "What you agreed to keep confidential", "Only the goals"], answer: 1),
        QuizQuestion(text: "The pairing does not work after two meetings. What do you do?", options: ["Keep going to the end", "Tell the programme manager, who can re-match", "Stop meeting without a word"], answer: 1),
    ]

    static let mentorHandbook = """
        Welcome, and thank you. Rising Leaders pairs you for six months with a colleague who is preparing for their next leadership role. You bring experience; they bring the questions. Your job is not to have answers but to help them find their own.

        Before the first meeting. Read your mentee's profile in Lodestar: their development goals, their career goals, when they are free. Think of one story from your own career that touches each goal — a decision that went wrong, a delegation you learned from.

        The first meeting. Agree how you will work together and write it into the agreement in your workspace: how often you meet (the programme suggests every two weeks), how you keep in touch between meetings, what stays confidential, and how either of you can end it well. Then help your mentee turn their development goals into two or three goals with a measure and a date.

        Every meeting. The mentee sets the agenda. Ask more than you tell: what happened, what did you try, what would you do differently? Share your experience as experience, not instruction. End with one thing your mentee will try before you next meet, and log the meeting in Lodestar.

        Confidentiality. What you agree to keep between you stays between you. Your private notes are yours alone; not the programme manager, not an administrator can read them.

        When it does not work. Not every pairing fits. If after two meetings you both feel it is not working, tell the programme manager: a re-match is a normal part of the programme, not a failure.

        The end. Review the goals together, celebrate what was achieved, and give feedback when the programme asks for it. Many pairs stay in touch; the programme rotates mentors in the next cycle so that everyone meets new people.
        """

    static let menteeGuide = """
        Rising Leaders gives you six months with an experienced leader from another part of the organisation. What you get from it depends mostly on you.

        Know what you want. Before your first meeting, read your development goals again and pick the two or three that matter most this year. Think of a situation at work where each one showed.

        Own the agenda. Your mentor will follow your lead. Send a line before each meeting saying what you want to talk about; bring a real situation, not a general question.

        Agree and commit. In the first meeting, write your agreement together in Lodestar — how often you meet, how you keep in touch, what stays confidential — and sign it. Turn your development goals into goals with a measure and a date.

        Try things between meetings. Each meeting should end with something you will do. The next one starts with what happened.

        Give feedback. Tell your mentor what helps. If the pairing does not work, say so to your programme manager early: re-matching is part of the programme.

        Celebrate. At the end, look back at your goals and what changed. Your programme manager will ask how it went; your answer shapes the next cycle.
        """

    static let agreementTemplate = """
        1. How often do we meet, for how long, and where (in person, video)?
        2. How do we keep in touch between meetings, and how fast do we answer?
        3. What stays between us? What may either of us share, and with whom?
        4. What are the mentee's two or three goals for these six months, each with a measure and a date?
        5. How will we know it is working? When do we review it?
        6. How can either of us end it well, if it does not work?
        """
}
