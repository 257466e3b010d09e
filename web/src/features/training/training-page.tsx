// Opplæring (seed 001 Vedlegg 06): the six modules and my progress.
import { useState } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { meetingsApi, myTrainingPath, type MyTraining } from '../meetings/meetings-api.js';

export function TrainingPage() {
  const training = useApi<MyTraining>(myTrainingPath);
  const [problem, setProblem] = useState<Problem>();
  if (!training.data) return training.problem ? <ErrorBox problem={training.problem} /> : <Loading />;
  const complete = async (module: number) => {
    try {
      await meetingsApi.completeModule(module);
      training.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <>
      <PageHeader
        title="Opplæringsprogram i styringsmodellen"
        lead="E-læringskurs i seks moduler og et Teams-møte i etterkant. Fullført kurs er kriteriet for godkjenning som styringsgruppemedlem."
      />
      <ErrorBox problem={problem} />
      {training.data.progress.isComplete && (
        <div className="alert alert-success" role="status">
          Du har fullført opplæringen ({formatDate(training.data.progress.completedOn)}).
        </div>
      )}
      <ol className="plain-list" data-testid="training-modules">
        {training.data.modules.map((module) => (
          <li key={module.number} className="panel">
            <strong>
              Modul {module.number}: {module.title}
            </strong>
            {module.topics.length > 0 && <p className="subtle">{module.topics.join(' · ')}</p>}
            {module.completedOn ? (
              <Badge tone="ok">Fullført {formatDate(module.completedOn)}</Badge>
            ) : (
              <button
                type="button"
                className="button button-small"
                onClick={() => void complete(module.number)}
              >
                Merk som fullført
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
