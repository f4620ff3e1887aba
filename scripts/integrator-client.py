#!/usr/bin/env python3
"""An integrator's journey with a client generated from Lodestar's OpenAPI document.

Generates a Python client from /api/v1/openapi.json with openapi-python-client (from PyPI, into
.venv-client), then, with an admin's API token and no web page: creates a programme and a cycle,
imports people and enrolments in bulk, plans and publishes the matching, and follows the
relationships it made.

    python3 scripts/integrator-client.py --binary .build/debug/lodestar   # a fresh demo server
    python3 scripts/integrator-client.py --base http://127.0.0.1:8080 --token TOKEN
"""
import argparse, contextlib, importlib, subprocess, sys, tempfile, urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-client"


def in_venv():
    """Runs this script again inside .venv-client, where the generator and the client's libraries are."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "openapi-python-client==0.29.1", "httpx", "attrs", "python-dateutil"], check=True)
    sys.exit(subprocess.run([str(python), __file__, *sys.argv[1:]]).returncode)


def generated_client(base, work):
    generator = VENV / "bin" / "openapi-python-client"
    document = Path(work) / "openapi.json"
    document.write_bytes(urllib.request.urlopen(base + "/api/v1/openapi.json").read())
    subprocess.run([str(generator), "generate", "--path", str(document), "--output-path", str(Path(work) / "client"), "--overwrite"],
                   check=True, capture_output=True)
    sys.path.insert(0, str(Path(work) / "client"))
    return importlib.import_module("lodestar_api_client")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="the lodestar executable: run the journey on a fresh demo server")
    parser.add_argument("--base", help="a running server")
    parser.add_argument("--token", help="an admin's write token for --base")
    args = parser.parse_args()
    if not args.binary and not (args.base and args.token):
        parser.error("give --binary, or --base and --token")
    in_venv()
    server = demo_server.running(args.binary) if args.binary else contextlib.nullcontext((args.base, args.token))
    with server as (base, token), tempfile.TemporaryDirectory() as work:
        journey(base, token, work)


def journey(base, token, work):
    generated_client(base, work)
    from lodestar_api_client import AuthenticatedClient
    from lodestar_api_client.api.programmes import create_programme, start_cycle, update_cycle, get_readiness, answer_readiness
    from lodestar_api_client.api.people import import_people
    from lodestar_api_client.api.enrolments import import_enrolments
    from lodestar_api_client.api.matching import plan_matching, publish_matching, list_cycle_relationships
    from lodestar_api_client.models import (ProgrammeInput, MentoringFormat, MeetingCadence, CycleInput, CycleState,
                                            PersonInput, EnrolmentImportItem, EnrolmentRole, MentoringProfile, PlanRequest,
                                            ReadinessInput, ReadinessInputAnswersItem, ReadinessLevel)
    client = AuthenticatedClient(base_url=base + "/api/v1", token=token)

    programme = create_programme.sync(client=client, body=ProgrammeInput(
        name="Client-made programme", format_=MentoringFormat.ONE_TO_ONE, duration_weeks=26, cadence=MeetingCadence.MONTHLY))
    print(f"programme {programme.id}: {programme.name}")
    # A cycle leaves draft once the programme passes its readiness check: read the questions, answer them.
    report = get_readiness.sync(programme.id, client=client)
    questions = [question.id for dimension in report.dimensions for question in dimension.questions]
    answered = answer_readiness.sync(programme.id, client=client, body=ReadinessInput(answers=[
        ReadinessInputAnswersItem(question=question, answer=ReadinessLevel.YES) for question in questions]))
    print(f"readiness: {answered.overall} % over {len(questions)} questions, ready: {answered.ready}")
    cycle = start_cycle.sync(programme.id, client=client, body=CycleInput(name="First", state=CycleState.ENROLLING))
    print(f"cycle {cycle.id}: {cycle.state}")

    people = [PersonInput(external_id=f"C-M{i}", name=f"Mentor {i}", email=f"c-m{i}@example.org", level=10,
                          time_zone="Europe/London", languages=["en"]) for i in range(1, 4)]
    people += [PersonInput(external_id=f"C-E{i}", name=f"Mentee {i}", email=f"c-e{i}@example.org", level=5,
                           time_zone="Europe/London", languages=["en"]) for i in range(1, 6)]
    summary = import_people.sync(client=client, body=people)
    print(f"people: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged")

    def profile(mentor):
        return MentoringProfile.from_dict({
            "skills": [{"competency": "delegation", "proficiency": 5}] if mentor else [],
            "developmentGoals": [] if mentor else [{"competency": "delegation", "priority": 1}],
            "interests": [], "meetingMode": "virtual", "availability": {"slots": []}, "careerGoals": "",
            **({"capacity": 2} if mentor else {})})
    items = [EnrolmentImportItem(person_external_id=f"C-M{i}", role=EnrolmentRole.MENTOR, profile=profile(True)) for i in range(1, 4)]
    items += [EnrolmentImportItem(person_external_id=f"C-E{i}", role=EnrolmentRole.MENTEE, profile=profile(False)) for i in range(1, 6)]
    enrolled = import_enrolments.sync(cycle.id, client=client, body=items)
    print(f"enrolments: {enrolled.created} created")

    update_cycle.sync(cycle.id, client=client, body=CycleInput(state=CycleState.MATCHING))
    plan = plan_matching.sync(cycle.id, client=client, body=PlanRequest(seed=3))
    print(f"plan: {plan.statistics.matched} of {plan.statistics.mentees} matched, mean score {plan.statistics.mean_score:.1f}, "
          f"optimal {plan.certificate.optimal}")
    published = publish_matching.sync(cycle.id, client=client, body=PlanRequest(seed=3))
    print(f"published: {published.relationships} relationships, {published.messages} messages")
    relationships = list_cycle_relationships.sync(cycle.id, client=client)
    for relationship in relationships.items:
        print(f"  {relationship.mentor_name} — {relationship.mentee_names}: {relationship.health}, score {relationship.score:.1f}")
    if relationships.total != plan.statistics.matched:
        sys.exit("the relationships don't match the plan")
    print("integrator journey: done with the generated client only")


if __name__ == "__main__":
    main()
