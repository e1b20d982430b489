import { type Rng } from '../random';
import { DAY, MINUTE, ymd } from '../time';
import { firstLast, LOCATIONS } from './fixtures';
import { type Department, type Team } from './hris';

/**
 * BambooHR's people, built so they add up to the HRIS model: one employee per head in each
 * team. BambooHR's `division` is the larger unit, so division = Switchyard department
 * (e.g. "Engineering") and department = Switchyard team (e.g. "Platform").
 */
export interface Employee {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  workEmail: string;
  workPhone: string;
  department: string;
  division: string;
  location: string;
  supervisor: string | null;
  hireDate: string;
  teamId: string;
  lastChanged: number;
  action: 'Inserted' | 'Updated';
}

export interface JobOpening {
  id: number;
  title: string;
  teamId: string;
  department: string;
  location: string;
  status: 'Open' | 'Filled';
  postedDate: number;
  hiringLeadId: string;
  newApplicantsCount: number;
  activeApplicantsCount: number;
  totalApplicantsCount: number;
  lastChanged: number;
}

const TITLES: Record<string, readonly string[]> = {
  ops: ['Operations Specialist', 'Logistics Coordinator', 'Facilities Technician', 'Buyer'],
  eng: ['Software Engineer', 'Senior Software Engineer', 'Data Engineer', 'Product Designer'],
  sales: ['Account Executive', 'Sales Development Rep', 'Partner Manager', 'Solutions Consultant'],
  finance: ['Accountant', 'Financial Analyst', 'Treasury Analyst', 'Payroll Specialist'],
  people: ['Recruiter', 'HR Generalist', 'Learning Partner', 'People Operations Specialist'],
};

export function displayName(employee: Pick<Employee, 'firstName' | 'lastName'>): string {
  return `${employee.firstName} ${employee.lastName}`;
}

/** Builds employees and openings; the caller owns the id counters so later hires continue them. */
export class PeopleFactory {
  private nextEmployee = 100;
  private nextJob = 1;
  private readonly emails = new Set<string>();

  constructor(private readonly rng: Rng) {}

  manager(department: Readonly<Department>, team: Readonly<Team>, at: number): Employee {
    // The HRIS names the manager only by email: first.last@domain.
    const [first = 'team', last = 'manager'] = team.managerEmail.split('@')[0].split('.');
    const employee = this.employee(department, team, at, { first: capitalise(first), last: capitalise(last) });
    employee.jobTitle = `${team.name} Manager`;
    employee.supervisor = null;
    return employee;
  }

  member(department: Readonly<Department>, team: Readonly<Team>, manager: Employee, at: number): Employee {
    const employee = this.employee(department, team, at, firstLast(this.rng));
    employee.supervisor = displayName(manager);
    return employee;
  }

  opening(department: Readonly<Department>, team: Readonly<Team>, lead: Employee, at: number): JobOpening {
    return {
      id: this.nextJob++,
      title: this.rng.pick(TITLES[department.id] ?? ['Specialist']),
      teamId: team.id,
      department: team.name,
      location: lead.location,
      status: 'Open',
      postedDate: at,
      hiringLeadId: lead.id,
      newApplicantsCount: 0,
      activeApplicantsCount: 0,
      totalApplicantsCount: 0,
      lastChanged: at,
    };
  }

  private employee(
    department: Readonly<Department>,
    team: Readonly<Team>,
    at: number,
    name: { first: string; last: string },
  ): Employee {
    const id = String(this.nextEmployee++);
    let email = `${name.first}.${name.last}@switchyard.example`.toLowerCase();
    for (let n = 2; this.emails.has(email); n++)
      email = `${name.first}.${name.last}${n}@switchyard.example`.toLowerCase();
    this.emails.add(email);
    return {
      id,
      firstName: name.first,
      lastName: name.last,
      jobTitle: this.rng.pick(TITLES[department.id] ?? ['Specialist']),
      workEmail: email,
      workPhone: `+1 555 ${String(this.rng.int(100, 999))} ${String(this.rng.int(1000, 9999))}`,
      department: team.name,
      division: department.name,
      location: this.rng.pick(LOCATIONS),
      supervisor: null,
      hireDate: ymd(at - this.rng.int(30, 6 * 365) * DAY),
      teamId: team.id,
      lastChanged: at - this.rng.int(1, 600) * MINUTE,
      action: 'Inserted',
    };
  }
}

/** Spreads a team's candidates over its open jobs: `applied` are new, later stages active. */
export function shareApplicants(team: Readonly<Team>, openings: JobOpening[]): void {
  const { applied, screening, interviewing, offer } = team.pipeline;
  const active = screening + interviewing + offer;
  openings.forEach((job, i) => {
    const share = (total: number) => Math.floor(total / openings.length) + (i < total % openings.length ? 1 : 0);
    job.newApplicantsCount = share(applied);
    job.activeApplicantsCount = share(active);
    job.totalApplicantsCount = job.newApplicantsCount + job.activeApplicantsCount;
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
